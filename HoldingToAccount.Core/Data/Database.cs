using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Data;

public static class Database
{
    public const string DefaultConnectionString = "Data Source=App_Data/holdingtoaccount.db";

    /// <summary>SQLite waits up to this long for another writer instead of failing with "database is locked".</summary>
    private const int BusyTimeoutSeconds = 30;

    public static DbContextOptionsBuilder UseConfiguredDatabase(this DbContextOptionsBuilder options, string? connectionString, string? provider)
    {
        if (!string.IsNullOrEmpty(provider) && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Database:Provider '{provider}' is not available in this build; use Sqlite.");
        var builder = new SqliteConnectionStringBuilder(connectionString ?? DefaultConnectionString);
        if (builder.DefaultTimeout == 30 || builder.DefaultTimeout <= 0)
            builder.DefaultTimeout = BusyTimeoutSeconds;
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder && builder.Mode != SqliteOpenMode.Memory)
            Directory.CreateDirectory(folder);
        return options.UseSqlite(builder.ConnectionString);
    }

    /// <summary>Brings the schema up to date and turns on write-ahead logging (kept in the file once set).</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
