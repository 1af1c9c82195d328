using System.Diagnostics;
using HoldingToAccount.Tests.TestData;
using Npgsql;

namespace HoldingToAccount.Tests.Integration;

/// <summary>
/// The verbs run as a newcomer or a script would run them: the built executable, on its own SQLite file, or its own
/// PostgreSQL database when the tests run on PostgreSQL.
/// </summary>
[Needs(Need.Database)]
public sealed class CommandLineTests : IAsyncLifetime
{
    private ScratchDatabase _database = null!;

    public async Task InitializeAsync() => _database = await ScratchDatabase.CreateAsync();

    [Fact]
    public async Task Migrate_then_seed_demo_loads_the_register_once()
    {
        var migrate = await RunAsync("migrate");
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("migration", migrate.Output, StringComparison.OrdinalIgnoreCase);

        var first = await RunAsync("seed-demo");
        Assert.Equal(0, first.ExitCode);
        var second = await RunAsync("seed-demo");
        Assert.Equal(0, second.ExitCode);
        Assert.NotEqual(first.Output, second.Output);
        Assert.Contains("already", second.Output, StringComparison.OrdinalIgnoreCase);

        var audit = await RunAsync("verify-audit");
        Assert.Equal(0, audit.ExitCode);
        Assert.Contains("intact", audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_synthetic_makes_the_volume_asked_for()
    {
        var result = await RunAsync("seed-synthetic", "--meetings", "30", "--actions", "500");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("500", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_dry_run_prints_one_json_document_and_writes_nothing()
    {
        var notes = Path.Combine(AppContext.BaseDirectory, "TestData", "Notes", "seeds", "000_99665aecc8bf7cf6.txt");
        var result = await RunAsync("import", notes, "--dry-run", "--json");

        Assert.Equal(0, result.ExitCode);
        using var draft = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal("2017-01-31", draft.RootElement.GetProperty("date").GetString());
        Assert.Contains(draft.RootElement.GetProperty("actions").EnumerateArray(),
            a => a.GetProperty("text").GetString()!.Contains("JPP", StringComparison.Ordinal));
        Assert.False(await AnythingWrittenAsync());
    }

    private async Task<bool> AnythingWrittenAsync()
    {
        if (!_database.Settings.IsPostgres)
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_database.Settings.ConnectionString).DataSource;
            return File.Exists(path) && new FileInfo(path).Length > 0;
        }
        await using var connection = new NpgsqlConnection(_database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        return (long)(await tables.ExecuteScalarAsync())! > 0;
    }

    [Theory]
    [InlineData(new[] { "seed-synthetic", "--meetings", "ten", "--actions", "5" }, "--meetings takes a whole number")]
    [InlineData(new[] { "seed-synthetic", "--actions", "5" }, "--meetings is required")]
    [InlineData(new[] { "launch-rockets" }, "Unknown command 'launch-rockets'")]
    public async Task Bad_arguments_get_a_clear_message_and_a_non_zero_exit(string[] args, string message)
    {
        var result = await RunAsync(args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HoldingToAccount.Dashboard.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.SetConfiguration(_database.Configuration);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
