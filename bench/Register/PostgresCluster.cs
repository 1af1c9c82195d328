using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

/// <summary>
/// The PostgreSQL server the benchmark reads: the one <c>HTA_BENCH_POSTGRES</c> names (a connection string without a
/// database), or else a cluster of the bench's own on loopback, kept in bench/.data/pg so the registers generated in it
/// outlive the run: made with initdb on the first run, started with pg_ctl (as the postgres user when the bench runs as
/// root, since the server refuses root) and stopped when the run ends.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly Func<Task>? _stop;

    private PostgresCluster(string serverConnectionString, Func<Task>? stop)
    {
        _serverConnectionString = serverConnectionString;
        _stop = stop;
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database }.ConnectionString;

    public static async Task<PostgresCluster> StartAsync(string folder)
    {
        if (Environment.GetEnvironmentVariable("HTA_BENCH_POSTGRES") is { Length: > 0 } given)
            return new PostgresCluster(given, stop: null);
        var server = new LocalServer(Path.GetFullPath(Path.Combine(folder, "pg")));
        var port = await server.StartAsync();
        return new PostgresCluster($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", server.StopAsync);
    }

    public async Task<bool> DatabaseExistsAsync(string name) =>
        await ScalarAsync($"SELECT count(*) FROM pg_database WHERE datname = '{name}'") is long and > 0;

    public async Task RecreateAsync(string name)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
    }

    /// <summary>Renames a database no one is connected to (a pooled connection of this process counts).</summary>
    public async Task RenameAsync(string from, string to)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"ALTER DATABASE \"{from}\" RENAME TO \"{to}\"");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_stop is not null)
            await _stop();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The cluster in <c>root</c>/data, its log in <c>root</c>/server.log, its socket in <c>root</c>.</summary>
    private sealed class LocalServer(string root)
    {
        private readonly string _bin = ServerPrograms();
        private readonly bool _asPostgres = Environment.UserName == "root";

        private string Data => Path.Combine(root, "data");

        /// <summary>Written once initdb has finished, so a half-made cluster is made again rather than started.</summary>
        private string Initialised => Path.Combine(root, "initialised");

        public async Task<int> StartAsync()
        {
            if (!File.Exists(Initialised))
                await InitAsync();
            // A run that was killed leaves its server running: use it as it is.
            if (File.Exists(Path.Combine(Data, "postmaster.pid")) && await RunAsync("pg_ctl", $"-D {Data} status", mustSucceed: false) == 0)
                return RunningPort();
            var port = FreePort();
            await RunAsync("pg_ctl", $"-D {Data} -l {root}/server.log -w -t 120 -o \"-c listen_addresses=127.0.0.1 -p {port} -k {root}\" start");
            return port;
        }

        public async Task StopAsync() => await RunAsync("pg_ctl", $"-D {Data} -m fast -w stop", mustSucceed: false);

        private async Task InitAsync()
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
            Directory.CreateDirectory(root);
            if (_asPostgres)
                await RunAsync("chown", $"postgres:postgres {root}", asPostgres: false);
            await RunAsync("initdb", $"-D {Data} -U postgres -A trust -E UTF8 --locale=C.UTF-8");
            // Room for a register of 500,000 actions in memory, and a seeding transaction that checkpoints rarely.
            await File.AppendAllTextAsync(Path.Combine(Data, "postgresql.conf"),
                "\nshared_buffers = 1GB\nmax_wal_size = 8GB\nmax_connections = 100\n");
            await File.WriteAllTextAsync(Initialised, "");
        }

        /// <summary>The port a running server listens on: the fourth line of its postmaster.pid.</summary>
        private int RunningPort() =>
            int.Parse(File.ReadAllLines(Path.Combine(Data, "postmaster.pid"))[3], System.Globalization.CultureInfo.InvariantCulture);

        private Task<int> RunAsync(string program, string arguments, bool mustSucceed = true) =>
            RunAsync(Path.Combine(_bin, program), arguments, _asPostgres, mustSucceed);

        private static async Task<int> RunAsync(string program, string arguments, bool asPostgres, bool mustSucceed = true)
        {
            var start = asPostgres
                ? new ProcessStartInfo("su", ["postgres", "-c", $"{program} {arguments}"])
                : new ProcessStartInfo(program, arguments);
            start.RedirectStandardOutput = start.RedirectStandardError = true;
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (mustSucceed && process.ExitCode != 0)
                throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
            return process.ExitCode;
        }

        private static string ServerPrograms() =>
            (Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                    .Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
                : null)
            ?? throw new InvalidOperationException("PostgreSQL's server programs are not installed (apt-get install postgresql), and HTA_BENCH_POSTGRES is not set.");

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
