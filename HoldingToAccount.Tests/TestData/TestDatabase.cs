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
    private readonly ScratchDatabase _store;
    private readonly ServiceProvider _services;

    private TestDatabase(ScratchDatabase store, DateTimeOffset now)
    {
        _store = store;
        Clock = new FakeTimeProvider(now);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Configuration).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging();
        services.AddCore(configuration);
        _services = services.BuildServiceProvider();
    }

    public DatabaseSettings Settings => _store.Settings;

    /// <summary>The configuration keys that point an app or a command-line process at this database.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => _store.Configuration;

    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _services;

    /// <param name="provider">The database to use; by default the one the test run is on (<see cref="PostgresServer.TestProvider"/>).</param>
    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now = null, DatabaseProvider? provider = null)
    {
        var database = new TestDatabase(await ScratchDatabase.CreateAsync(provider), now ?? new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
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
        await _store.DisposeAsync();
    }
}
