using HoldingToAccount.Dashboard.Auth;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.TestData;

/// <summary>
/// The accounts database (display links, tokens) for component tests: a SQLite file of its own, made on first use, so
/// components that list display screens render against a real, empty store.
/// </summary>
public sealed class ScratchAuthDatabase : IDbContextFactory<AuthDbContext>, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hta-auth-{Guid.NewGuid():N}.db");
    private readonly Lazy<DbContextOptions<AuthDbContext>> _options;

    public ScratchAuthDatabase() =>
        _options = new(() =>
        {
            var options = new DbContextOptionsBuilder<AuthDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options;
            using var db = new AuthDbContext(options);
            db.Database.EnsureCreated();
            return options;
        });

    public AuthDbContext CreateDbContext() => new(_options.Value);

    public void Dispose()
    {
        if (File.Exists(_path))
            File.Delete(_path);
    }
}
