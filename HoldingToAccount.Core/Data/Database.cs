using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace HoldingToAccount.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database the app keeps its register in: <c>Database:Provider</c> and <c>ConnectionStrings:Default</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/holdingtoaccount.db";

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static DatabaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration["Database:Provider"];
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(name) || name.Equals(nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Sqlite, string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString);
        if (!name.Equals(nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Database:Provider '{name}' is not known; use Sqlite or Postgres.");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is empty; give the PostgreSQL connection string.");
        return new(DatabaseProvider.Postgres, connectionString);
    }
}

/// <summary>What a transaction can hold exclusively across every connection and app instance (see <see cref="Database.LockAsync"/>).</summary>
public enum DatabaseLock : long
{
    /// <summary>Reading the audit chain's last hash and appending to it.</summary>
    AuditChain = 4851001,

    /// <summary>Giving new actions the next number of their year.</summary>
    ActionNumbering = 4851002,
}

public static class Database
{
    /// <summary>SQLite waits up to this long for another writer instead of failing with "database is locked".</summary>
    private const int BusyTimeoutSeconds = 30;

    /// <param name="migrationsHistoryTable">A context sharing the database with another keeps its own migrations history.</param>
    public static DbContextOptionsBuilder UseConfiguredDatabase(this DbContextOptionsBuilder options, DatabaseSettings settings, string? migrationsHistoryTable = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var history = migrationsHistoryTable ?? Microsoft.EntityFrameworkCore.Migrations.HistoryRepository.DefaultTableName;
        // A list of ids in a query goes as one parameter (a JSON array on SQLite, an array on PostgreSQL), never one
        // parameter per id: a reminder sweep or an export names tens of thousands, past either database's limit on
        // parameters ("too many SQL variables").
        if (settings.IsPostgres)
            return options.UseNpgsql(settings.ConnectionString, o => o.MigrationsHistoryTable(history)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);
        if (builder.DefaultTimeout == 30 || builder.DefaultTimeout <= 0)
            builder.DefaultTimeout = BusyTimeoutSeconds;
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder && builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(folder);
            CreateOwnerOnly(builder.DataSource);
        }
        return options.UseSqlite(builder.ConnectionString, o => o.MigrationsHistoryTable(history)
            .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
    }

    /// <summary>
    /// Creates a new SQLite file readable and writable by the app's own user only (0600), whatever the umask; SQLite
    /// gives its -wal and -shm files the database file's mode. An empty file is an empty database to SQLite.
    /// An existing file keeps the mode it has.
    /// </summary>
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        if (File.Exists(path))
            return;
        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }

    /// <summary>
    /// Holds <paramref name="which"/> until the current transaction ends. On PostgreSQL (read committed, several app
    /// instances) a transaction-scoped advisory lock; on SQLite nothing is needed, as a write transaction already
    /// excludes every other writer from its start.
    /// </summary>
    public static async Task LockAsync(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, DatabaseLock which, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.CurrentTransaction is null)
            throw new InvalidOperationException("A database lock is held for a transaction; begin one first.");
        if (database.IsNpgsql())
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({(long)which})", ct);
    }

    /// <summary>Brings the schema up to date; on SQLite also turns on write-ahead logging (kept in the file once set).</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
