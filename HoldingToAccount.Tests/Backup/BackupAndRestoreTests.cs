using System.Collections.Concurrent;
using Hangfire;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Backup;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Jobs;
using HoldingToAccount.Tests.TestData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static HoldingToAccount.Tests.Backup.BackupVerbs;

namespace HoldingToAccount.Tests.Backup;

/// <summary>
/// The SQLite register's backup and restore on real files: the backup verb while five people post updates, the restore
/// verb's checks and what it leaves on disk, and the daily backup's rotation. SQLite only, whatever the test run is on:
/// PostgreSQL is backed up with pg_dump, which the verbs say.
/// </summary>
[Needs(Need.Database)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupAndRestoreTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _folder = Directory.CreateTempSubdirectory("hta-backup-").FullName;

    [Fact]
    public async Task A_backup_taken_while_five_people_post_updates_restores_with_every_update_acknowledged_before_it()
    {
        await using var live = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        Assert.Equal(0, (await RunAsync(live.Configuration, "migrate")).ExitCode);
        var register = await RegisterBuilder.CreateAsync(live);
        var meeting = await register.MeetingAsync(new DateOnly(2017, 1, 31));
        var actions = new List<ActionRow>();
        for (var i = 1; i <= 5; i++)
            actions.Add(await register.ActionAsync(meeting, $"Report on neighbourhood policing in district {i}"));

        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var writers = actions.Select((action, writer) => Task.Run(async () =>
        {
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                var text = $"Writer {writer + 1}, update {n}: progress against the plan was reviewed";
                try
                {
                    await live.Get<ActionService>().AddUpdateAsync(action.Reference, null, text, null, RegisterBuilder.Secretariat);
                    acknowledged.Enqueue(text);
                }
                catch (StaleEditException)
                {
                    // Not acknowledged: the writer posts again, as a person would.
                }
            }
        })).ToList();
        while (acknowledged.Count < 50)
            await Task.Delay(20);

        var before = acknowledged.ToList();
        var backupFile = Path.Combine(_folder, "register.db");
        var backup = await live.Get<DatabaseBackup>().BackupAsync(backupFile, overwrite: false);
        var afterBackup = acknowledged.Count;
        while (acknowledged.Count < afterBackup + 20)
            await Task.Delay(20);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Equal(backupFile, backup.Path);
        var fresh = SqliteAt(Path.Combine(_folder, "fresh", "holdingtoaccount.db"));
        var restore = await RunAsync(fresh, "restore", backupFile);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("Restored", restore.Output, StringComparison.Ordinal);

        var restoredPath = Path.Combine(_folder, "fresh", "holdingtoaccount.db");
        using (var restored = Open(restoredPath))
        {
            var updates = Column(restored, "SELECT Text FROM ActionUpdates").ToHashSet();
            Assert.Subset(updates, before.ToHashSet());
            Assert.Equal("ok", Assert.Single(Column(restored, "PRAGMA integrity_check")));
        }
        Assert.Equal(RowChecksums(backupFile), RowChecksums(restoredPath));
        var audit = await RunAsync(fresh, "verify-audit");
        Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
        Assert.Contains("intact", audit.Output, StringComparison.Ordinal);
        var migrate = await RunAsync(fresh, "migrate");
        Assert.Contains("up to date", migrate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_backup_verb_writes_a_file_only_its_owner_can_read_and_refuses_bad_targets_without_leaving_anything()
    {
        var live = SqliteAt(Path.Combine(_folder, "live", "holdingtoaccount.db"));
        Assert.Equal(0, (await RunAsync(live, "seed-demo")).ExitCode);
        var backups = Directory.CreateDirectory(Path.Combine(_folder, "backups")).FullName;
        var target = Path.Combine(backups, "monday.db");

        var made = await RunAsync(live, "backup", target);

        Assert.True(made.ExitCode == 0, made.Error);
        Assert.Contains($"Backed up the register to {target}", made.Output, StringComparison.Ordinal);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(target));

        var again = await RunAsync(live, "backup", target);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists: give another name, or add --force", again.Error, StringComparison.Ordinal);
        var folderGiven = await RunAsync(live, "backup", backups);
        Assert.Equal(1, folderGiven.ExitCode);
        Assert.Contains("is a folder: give the backup a file name", folderGiven.Error, StringComparison.Ordinal);
        var noFolder = await RunAsync(live, "backup", Path.Combine(_folder, "nowhere", "monday.db"));
        Assert.Equal(1, noFolder.ExitCode);
        Assert.Contains("does not exist: create it first", noFolder.Error, StringComparison.Ordinal);
        Assert.Equal("monday.db", Assert.Single(Directory.EnumerateFiles(backups).Select(Path.GetFileName)));

        var replaced = await RunAsync(live, "backup", target, "--force");
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(target));
        Assert.Equal("monday.db", Assert.Single(Directory.EnumerateFiles(backups).Select(Path.GetFileName)));
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_database_another_apps_database_a_newer_one_and_a_database_in_use_and_changes_nothing()
    {
        var livePath = Path.Combine(_folder, "live", "holdingtoaccount.db");
        var live = SqliteAt(livePath);
        Assert.Equal(0, (await RunAsync(live, "create-user", "--email", "live.marker@example.org", "--name", "Live Marker", "--role", "Viewer")).ExitCode);
        var other = SqliteAt(Path.Combine(_folder, "other", "holdingtoaccount.db"));
        Assert.Equal(0, (await RunAsync(other, "migrate")).ExitCode);
        var goodBackup = Path.Combine(_folder, "good.db");
        Assert.Equal(0, (await RunAsync(other, "backup", goodBackup)).ExitCode);

        var notADatabase = Path.Combine(_folder, "minutes.txt");
        await File.WriteAllTextAsync(notADatabase, "Minutes of the Monthly Assurance Meeting, 31 January 2017");
        var anotherApp = Path.Combine(_folder, "stock.db");
        using (var stock = Open(anotherApp, SqliteOpenMode.ReadWriteCreate))
        {
            using var command = stock.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20190101000000_Stock', '3.1.0');
                CREATE TABLE "__AuthMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                CREATE TABLE Parts (Id INTEGER PRIMARY KEY, Name TEXT);
                """;
            command.ExecuteNonQuery();
        }
        var newer = Path.Combine(_folder, "newer.db");
        File.Copy(goodBackup, newer);
        using (var future = Open(newer, SqliteOpenMode.ReadWrite))
        {
            using var command = future.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29990101000000_FromALaterVersion', '99.0.0')";
            command.ExecuteNonQuery();
        }
        var liveFolder = Path.GetDirectoryName(livePath)!;
        var untouched = FolderState(liveFolder);

        foreach (var (file, message) in new[]
        {
            (notADatabase, "is not a SQLite database"),
            (anotherApp, "is not a backup of this register"),
            (newer, "was made by a newer version of the app (migration 29990101000000_FromALaterVersion"),
        })
        {
            var refused = await RunAsync(live, "restore", file);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains(message, refused.Error, StringComparison.Ordinal);
            Assert.Contains("Nothing was changed", refused.Error, StringComparison.Ordinal);
            Assert.Equal(untouched, FolderState(liveFolder));
        }

        var app = await StartAppAsync(live, _folder);
        try
        {
            var inUse = await RunAsync(live, "restore", goodBackup);
            Assert.Equal(1, inUse.ExitCode);
            Assert.Contains("is in use: stop the app", inUse.Error, StringComparison.Ordinal);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
        Assert.DoesNotContain(Directory.EnumerateFiles(liveFolder), f => f.Contains("before-restore", StringComparison.Ordinal) || f.EndsWith(".partial", StringComparison.Ordinal));
        using var stillLive = Open(livePath, SqliteOpenMode.ReadWrite);
        Assert.Equal("live.marker@example.org", Assert.Single(Column(stillLive, "SELECT Email FROM AspNetUsers")));
    }

    [Fact]
    public async Task Restore_puts_an_older_backup_in_place_keeps_the_database_it_replaced_and_brings_the_backup_up_to_date()
    {
        var older = Path.Combine(_folder, "from-last-year.db");
        await MakeFirstReleaseDatabaseAsync(older);
        var livePath = Path.Combine(_folder, "live", "holdingtoaccount.db");
        var live = SqliteAt(livePath);
        Assert.Equal(0, (await RunAsync(live, "create-user", "--email", "live.marker@example.org", "--name", "Live Marker", "--role", "Viewer")).ExitCode);

        var restore = await RunAsync(live, "restore", older);

        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("Brought it up to date with", restore.Output, StringComparison.Ordinal);
        var kept = Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(livePath)!, "holdingtoaccount.db.before-restore-*"));
        Assert.Contains($"kept as {kept}", restore.Output, StringComparison.Ordinal);
        using (var previous = Open(kept))
            Assert.Equal("live.marker@example.org", Assert.Single(Column(previous, "SELECT Email FROM AspNetUsers")));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(livePath));
        using (var restored = Open(livePath))
            Assert.Equal("Chief Constable", Assert.Single(Column(restored, "SELECT Title FROM Roles")));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(live).Build();
        var services = new ServiceCollection().AddLogging().AddCore(configuration).BuildServiceProvider();
        await using (services)
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains("up to date", (await RunAsync(live, "migrate")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_backup_keeps_only_the_newest_copies_asked_for_and_leaves_other_files_alone()
    {
        await using var live = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        var folder = Path.Combine(_folder, "daily");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "README.txt"), "Backups of the action register");
        var backup = new DatabaseBackup(live.Settings, Options.Create(new BackupOptions { Enabled = true, Folder = folder, Keep = 3 }), live.Clock);
        var stem = Path.GetFileNameWithoutExtension(backup.LivePath());

        var written = new List<string>();
        for (var day = 1; day <= 5; day++)
        {
            live.SetToday(new DateOnly(2017, 2, day));
            written.Add((await backup.RunScheduledAsync()).Backup.Path);
        }

        Assert.Equal(
            new[] { "README.txt", $"{stem}-2017-02-03-0900.db", $"{stem}-2017-02-04-0900.db", $"{stem}-2017-02-05-0900.db" },
            Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(written[2..], path => Assert.Equal(OwnerOnly, File.GetUnixFileMode(path)));
    }

    [Fact]
    public async Task With_backups_turned_on_the_web_app_schedules_the_daily_backup_and_its_job_server_writes_a_private_copy()
    {
        await using var store = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Path.Combine(_folder, "daily");
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in store.Configuration)
                web.UseSetting(key, value);
            web.UseSetting("Backup:Enabled", "true");
            web.UseSetting("Backup:Folder", folder);
            web.UseSetting("Backup:Time", "03:30");
            web.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
            web.UseSetting("DataProtection:KeysDirectory", Path.Combine(_folder, "keys"));
        });
        using var client = app.CreateClient();

        using (var jobs = app.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var daily = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(jobs), j => j.Id == BackupJob.RecurringId);
            Assert.Equal("30 3 * * *", daily.Cron);
            Assert.Equal(London.Zone.Id, daily.TimeZoneId);
        }
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(BackupJob.RecurringId);

        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline && !(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.db").Any()))
            await Task.Delay(100);
        var copy = Assert.Single(Directory.EnumerateFiles(folder, "*.db"));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(copy));
        using var restoredView = Open(copy);
        Assert.NotEmpty(Column(restoredView, "SELECT Id FROM ActionItems"));
    }

    [Theory]
    [InlineData("Backup:Time", "25:00", "Backup:Time '25:00' is not a time of day: use 24-hour HH:mm")]
    [InlineData("Backup:Keep", "0", "Backup:Keep 0 is not a number of copies to keep: use a whole number from 1 to 365")]
    public async Task The_app_refuses_to_start_with_a_backup_setting_that_cannot_work(string key, string value, string message)
    {
        await using var store = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(store.Configuration);
        builder.Configuration[key] = value;
        builder.Services.AddCore(builder.Configuration);
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_on_postgresql_refuses_to_start_with_the_daily_backup_turned_on_and_names_pg_dump()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=hta;Username=hta",
            ["Backup:Enabled"] = "true",
        });
        builder.Services.AddCore(builder.Configuration);
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Backup:Enabled is for SQLite: on PostgreSQL, back up with pg_dump", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_postgresql_the_backup_verb_names_pg_dump_for_the_configured_database_without_its_password()
    {
        var postgres = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = "Host=db.police.internal;Port=5433;Database=hta;Username=hta_app;Password=Sup3r-Secret",
        };

        var result = await RunAsync(postgres, "backup", "/srv/backups/hta.dump");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pg_dump --format=custom --host=db.police.internal --port=5433 --username=hta_app --dbname=hta --file=/srv/backups/hta.dump", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3r-Secret", result.Error + result.Output, StringComparison.Ordinal);
    }

    /// <summary>A database as the first release left it: its first migration of each store, one role in it.</summary>
    private static async Task MakeFirstReleaseDatabaseAsync(string path)
    {
        var connection = $"Data Source={path};Pooling=False";
        await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Roles (Code, Title) VALUES ('CC', 'Chief Constable')");
        }
        await using (var auth = new AuthDbContext(new DbContextOptionsBuilder<AuthDbContext>()
            .UseSqlite(connection, o => o.MigrationsHistoryTable(AuthDbContext.MigrationsHistoryTable)).Options))
            await auth.GetService<IMigrator>().MigrateAsync(auth.Database.GetMigrations().First());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
