using System.Diagnostics;
using HoldingToAccount.Core.Data;
using Npgsql;

namespace HoldingToAccount.Tests.TestData;

/// <summary>
/// A real PostgreSQL server on loopback for the tests: the one named by <c>HTA_TEST_POSTGRES</c> (a connection string
/// without a database), or else a throwaway cluster of this test run's own, made with initdb and started with pg_ctl
/// (as the postgres user when the tests run as root), stopped when the run ends. test.sh installs the server.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly string _serverConnectionString;

    private PostgresServer(string serverConnectionString) => _serverConnectionString = serverConnectionString;

    /// <summary>Which database the register tests run on: <c>HTA_TEST_PROVIDER=Postgres</c> runs them on PostgreSQL.</summary>
    public static DatabaseProvider TestProvider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("HTA_TEST_PROVIDER"), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database }.ConnectionString;

    /// <summary>A new, empty database of its own (the app's migrations make the schema).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"hta_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var connection = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(connection);
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("HTA_TEST_POSTGRES") is { Length: > 0 } given)
            return new PostgresServer(given);

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL's server programs are not installed (apt-get install postgresql; test.sh does it).");

        var root = Path.Combine(Path.GetTempPath(), $"hta-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            await RunAsync("chown", $"postgres:postgres {root}", asPostgres: false);
        var port = Loopback.FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), $"-D {root}/data -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8", asRoot);
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            $"-D {root}/data -l {root}/server.log -w -o \"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c max_connections=300\" start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {root}/data -m immediate stop", asRoot).Wait(TimeSpan.FromSeconds(10));
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=20");
    }

    private static async Task RunAsync(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("su", ["postgres", "-c", $"{program} {arguments}"])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
    }

}
