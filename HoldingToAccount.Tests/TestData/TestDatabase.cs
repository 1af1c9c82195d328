using HoldingToAccount.Core;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HoldingToAccount.Tests.TestData;

/// <summary>
/// Core's services over a real, migrated database of its own, deleted afterwards: a SQLite file, or a PostgreSQL
/// database when <c>HTA_TEST_PROVIDER=Postgres</c> (see <see cref="PostgresServer"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestDatabase(DatabaseSettings settings, DateTimeOffset now)
    {
        Settings = settings;
        Clock = new FakeTimeProvider(now);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Configuration).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging();
        services.AddCore(configuration);
        _services = services.BuildServiceProvider();
    }

    public DatabaseSettings Settings { get; }

    /// <summary>The configuration keys that point an app or a command-line process at this database.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = Settings.ConnectionString,
        ["Database:Provider"] = Settings.Provider.ToString(),
    };

    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _services;

    /// <param name="provider">The database to use; by default the one the test run is on (<see cref="PostgresServer.TestProvider"/>).</param>
    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now = null, DatabaseProvider? provider = null)
    {
        var settings = (provider ?? PostgresServer.TestProvider) == DatabaseProvider.Postgres
            ? new DatabaseSettings(DatabaseProvider.Postgres, await (await PostgresServer.GetAsync()).CreateDatabaseAsync())
            : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hta-test-{Guid.NewGuid():N}.db")}");
        var database = new TestDatabase(settings, now ?? new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        await using var db = await database.CreateContextAsync();
        await Database.MigrateAsync(db);
        return database;
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task<AppDbContext> CreateContextAsync() => Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>Moves the clock forward to 09:00 London time on the given day (a fake clock only moves forward).</summary>
    public void SetToday(DateOnly day) =>
        Clock.SetUtcNow(London.ToInstant(day, new TimeOnly(9, 0)));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Settings.IsPostgres)
        {
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(Settings.ConnectionString);
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
    }
}
