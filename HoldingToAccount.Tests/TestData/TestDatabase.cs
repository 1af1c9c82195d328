using HoldingToAccount.Core;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HoldingToAccount.Tests.TestData;

/// <summary>Core's services over a real, migrated SQLite file of its own, deleted afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestDatabase(string path, DateTimeOffset now)
    {
        Path = path;
        Clock = new FakeTimeProvider(now);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={path}" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging();
        services.AddCore(configuration);
        _services = services.BuildServiceProvider();
    }

    public string Path { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => _services;

    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now = null)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hta-test-{Guid.NewGuid():N}.db");
        var database = new TestDatabase(path, now ?? new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
    }
}
