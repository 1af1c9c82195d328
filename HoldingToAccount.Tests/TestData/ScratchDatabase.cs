using System.Diagnostics;
using HoldingToAccount.Core.Data;
using Microsoft.Data.Sqlite;

namespace HoldingToAccount.Tests.TestData;

/// <summary>
/// An empty database of a test's own, removed afterwards: a SQLite file in the temp folder, or a PostgreSQL database
/// on the test run's server (<see cref="PostgresServer"/>) — by default whichever the test run is on.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private ScratchDatabase(DatabaseSettings settings) => Settings = settings;

    public DatabaseSettings Settings { get; }

    /// <summary>The configuration keys that point an app, a service collection or a command-line process at it.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = Settings.ConnectionString,
        ["Database:Provider"] = Settings.Provider.ToString(),
    };

    public static async Task<ScratchDatabase> CreateAsync(DatabaseProvider? provider = null) =>
        new((provider ?? PostgresServer.TestProvider) == DatabaseProvider.Postgres
            ? new DatabaseSettings(DatabaseProvider.Postgres, await (await PostgresServer.GetAsync()).CreateDatabaseAsync())
            : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"hta-test-{Guid.NewGuid():N}.db")}"));

    public async ValueTask DisposeAsync()
    {
        if (Settings.IsPostgres)
        {
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(Settings.ConnectionString);
            return;
        }
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
    }
}

public static class ProcessConfiguration
{
    /// <summary>Hands configuration keys to a child process as environment variables ("Database:Provider" → Database__Provider).</summary>
    public static void SetConfiguration(this ProcessStartInfo start, IEnumerable<KeyValuePair<string, string?>> configuration)
    {
        foreach (var (key, value) in configuration)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
    }
}
