using HoldingToAccount.Core.Data;
using HoldingToAccount.Tests.TestData;
using Microsoft.Data.Sqlite;

namespace HoldingToAccount.Tests.Core;

/// <summary>The register's SQLite file holds every record, so only the app's own user may read it.</summary>
[Needs(Need.Database)]
public sealed class DatabaseFileModeTests
{
    [Fact]
    public async Task A_new_sqlite_database_and_its_wal_and_shm_files_are_readable_by_the_app_user_only()
    {
        if (OperatingSystem.IsWindows())
            return; // file modes are a Unix matter
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        var register = await RegisterBuilder.CreateAsync(database);
        await register.MeetingAsync(new DateOnly(2017, 1, 31));
        var file = new SqliteConnectionStringBuilder(database.Settings.ConnectionString).DataSource;

        // The -wal and -shm files live while a connection is open; the pool holds one after the writes above.
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            Assert.True(File.Exists(path), $"{Path.GetFileName(path)} is missing");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}
