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
    [InlineData(new[] { "create-calendar-token" }, "--email is required")]
    public async Task Bad_arguments_get_a_clear_message_and_a_non_zero_exit(string[] args, string message)
    {
        var result = await RunAsync(args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_calendar_token_prints_feed_addresses_that_each_open_a_calendar_from_the_web_app_started_with_urls()
    {
        Assert.Equal(0, (await RunAsync("seed-demo")).ExitCode);
        Assert.Equal(0, (await RunAsync("create-user", "--email", "cc.calendar@example.org", "--name", "Anthony Bangham", "--role", "Officer",
            "--person", "anthony.bangham@example.org")).ExitCode);
        Assert.Equal(0, (await RunAsync("create-user", "--email", "clerk@example.org", "--name", "A Clerk", "--role", "Viewer")).ExitCode);
        var baseUrl = $"http://127.0.0.1:{Loopback.FreePort()}";
        var app = StartWebApp("--urls", baseUrl);
        using var http = new HttpClient();
        await WaitUntilServingAsync(http, app, baseUrl);
        var publicAddress = new Dictionary<string, string?> { ["App:PublicBaseUrl"] = baseUrl };

        var linked = await RunAsync(publicAddress, "create-calendar-token", "--email", "cc.calendar@example.org");
        var unlinked = await RunAsync(publicAddress, "create-calendar-token", "--email", "clerk@example.org");

        Assert.Equal(0, linked.ExitCode);
        var addresses = Lines(linked.Output);
        Assert.StartsWith($"{baseUrl}/ical/person/", addresses[0], StringComparison.Ordinal);
        Assert.NotEmpty(addresses[1..]);
        Assert.All(addresses[1..], a => Assert.StartsWith($"{baseUrl}/ical/series/", a, StringComparison.Ordinal));
        foreach (var address in addresses)
        {
            using var response = await http.GetAsync(new Uri(address));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
            var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync());
            Assert.NotNull(calendar);
            Assert.NotEmpty(calendar.Events);
        }

        Assert.Equal(0, unlinked.ExitCode);
        Assert.Contains("clerk@example.org is not linked to a person, so there is no personal feed", unlinked.Error, StringComparison.Ordinal);
        var seriesOnly = Lines(unlinked.Output);
        Assert.Equal(addresses.Length - 1, seriesOnly.Length);
        Assert.All(seriesOnly, a => Assert.StartsWith($"{baseUrl}/ical/series/", a, StringComparison.Ordinal));
        using (var response = await http.GetAsync(new Uri(seriesOnly[0])))
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var nobody = await RunAsync(publicAddress, "create-calendar-token", "--email", "nobody@example.org");
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("There is no user nobody@example.org", nobody.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbs_work_in_development_as_the_readme_runs_them()
    {
        // `dotnet run --project HoldingToAccount.Dashboard -- VERB` runs in Development, where every registration is
        // checked when the app is built: a service the command line does not register must not stop the verb.
        var (code, output, error) = await RunInAsync("Development", new Dictionary<string, string?>(), "migrate");
        Assert.True(code == 0, error);
        Assert.Matches("Applied|up to date", output);

        var help = await RunInAsync("Development", new Dictionary<string, string?>(), "create-calendar-token", "--help");
        Assert.True(help.ExitCode == 0, help.Error);
        Assert.Contains("--email", help.Output, StringComparison.Ordinal);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The executable with no verb, as a newcomer runs it: the web app, with ASP.NET's own arguments.</summary>
    private Process StartWebApp(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HoldingToAccount.Dashboard.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.SetConfiguration(_database.Configuration);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataProtection__KeysDirectory"] = Path.Combine(Path.GetTempPath(), $"hta-keys-{Guid.NewGuid():N}");
        start.Environment["Email__PickupDirectory"] = Path.Combine(Path.GetTempPath(), $"hta-mail-{Guid.NewGuid():N}");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _started.Add(process);
        return process;
    }

    private static async Task WaitUntilServingAsync(HttpClient http, Process app, string baseUrl)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !app.HasExited)
        {
            try
            {
                using var health = await http.GetAsync(new Uri($"{baseUrl}/healthz"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }
        Assert.Fail($"The web app did not answer on {baseUrl} (exited: {app.HasExited}).");
    }

    private readonly List<Process> _started = [];

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    private Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args) =>
        RunInAsync("Production", settings, args);

    private async Task<(int ExitCode, string Output, string Error)> RunInAsync(string environment, IReadOnlyDictionary<string, string?> settings, params string[] args)
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
        start.SetConfiguration(_database.Configuration.Concat(settings));
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _started)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        await _database.DisposeAsync();
    }
}
