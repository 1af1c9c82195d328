using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Archive;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using static HoldingToAccount.Tests.Archive.ArchiveFiles;

namespace HoldingToAccount.Tests.Archive;

/// <summary>
/// The handover archive on real databases: the demo register SQLite to SQLite row for row, 5,000 generated actions
/// SQLite to PostgreSQL and back, a role renamed on the way in, and archives that must be refused — altered, or aimed at
/// a register that is not empty — leaving the target as it was.
/// </summary>
[Needs(Need.Database)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HandoverArchiveTests : IDisposable
{
    private const string Actor = "archive test";
    private readonly string _folder = Directory.CreateTempSubdirectory("hta-archive-").FullName;

    [Fact]
    public async Task The_demo_register_exported_and_imported_into_a_new_SQLite_register_has_every_row_of_every_table_as_it_was()
    {
        await using var source = await DemoRegisterAsync();
        var archive = Path.Combine(_folder, "handover.zip");
        var exported = await source.Get<HandoverArchive>().ExportAsync(archive, overwrite: false);

        await using var target = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        var imported = await target.Get<HandoverArchive>().ImportAsync(archive, ArchiveRoleMap.None, Actor);

        foreach (var table in HandoverArchive.Tables.Where(t => t != "AuditEntries"))
            Assert.Equal(await RowsAsync(source, table), await RowsAsync(target, table));
        var trail = await RowsAsync(source, "AuditEntries");
        var importedTrail = await RowsAsync(target, "AuditEntries");
        Assert.Equal(trail, importedTrail.Take(trail.Count));
        Assert.Single(importedTrail, r => r.Contains(HandoverArchive.ImportedEntityType, StringComparison.Ordinal));
        await using (var db = await target.CreateContextAsync())
            Assert.True((await AuditChain.VerifyAsync(db)).Intact);
        Assert.Contains("Every table matched its checksum", imported.Message, StringComparison.Ordinal);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(archive));
        Assert.Empty(Directory.EnumerateFiles(_folder, ".*"));
        var names = Names(archive);
        Assert.Contains(HandoverArchive.ReadMeFile, names);
        Assert.Contains(HandoverArchive.ManifestFile, names);
        var held = await HeldMeetingsAsync(source);
        Assert.NotEmpty(held);
        Assert.Equal(held.Count, exported.Manifest.Notes.Count);
        var firstNotes = Text(archive, exported.Manifest.Notes[0].File);
        Assert.Contains("<h1", firstNotes, StringComparison.Ordinal);
        var readMe = Text(archive, HandoverArchive.ReadMeFile);
        Assert.Contains("password", readMe, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("archive import", readMe, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_thousand_generated_actions_go_from_SQLite_to_PostgreSQL_and_back_with_equal_checksums_and_a_trail_that_verifies_on_each()
    {
        await using var first = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        await first.Get<SyntheticData>().SeedAsync(meetings: 40, actions: 5_000, randomSeed: 2028);
        var fromSqlite = Path.Combine(_folder, "from-sqlite.zip");
        await first.Get<HandoverArchive>().ExportAsync(fromSqlite, overwrite: false);

        await using var postgres = await TestDatabase.CreateAsync(provider: DatabaseProvider.Postgres);
        await postgres.Get<HandoverArchive>().ImportAsync(fromSqlite, ArchiveRoleMap.None, Actor);
        await AssertTrailIntactAsync(postgres);
        var fromPostgres = Path.Combine(_folder, "from-postgres.zip");
        await postgres.Get<HandoverArchive>().ExportAsync(fromPostgres, overwrite: false);

        await using var back = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        await back.Get<HandoverArchive>().ImportAsync(fromPostgres, ArchiveRoleMap.None, Actor);
        await AssertTrailIntactAsync(back);
        var again = Path.Combine(_folder, "again.zip");
        await back.Get<HandoverArchive>().ExportAsync(again, overwrite: false);

        var original = Manifest(fromSqlite);
        Assert.Equal(5_000, original.Tables.Single(t => t.Name == "ActionItems").Rows);
        foreach (var table in original.Tables.Where(t => t.Name != "AuditEntries"))
        {
            Assert.Equal(table.Sha256, Manifest(fromPostgres).Tables.Single(t => t.Name == table.Name).Sha256);
            Assert.Equal(table.Sha256, Manifest(again).Tables.Single(t => t.Name == table.Name).Sha256);
        }
        // The trail is carried entry for entry; each import adds one entry saying so.
        var trail = TableRows(fromSqlite, "AuditEntries");
        Assert.Equal(trail, TableRows(fromPostgres, "AuditEntries").Take(trail.Count));
        Assert.Equal(trail.Count + 2, TableRows(again, "AuditEntries").Count);
        Assert.Equal(trail, TableRows(again, "AuditEntries").Take(trail.Count));
        Assert.Equal(original.Notes.Select(n => n.Sha256), Manifest(again).Notes.Select(n => n.Sha256));

        // New rows after the import get new ids, on PostgreSQL too (its identity sequences were moved past the imported ids).
        var meeting = (await postgres.Get<MeetingService>().ListAsync()).First(m => m.Status == MeetingStatus.Held);
        var raised = await postgres.Get<ActionService>().RaiseAsync(
            new NewAction(meeting.Id, "Report on the handover to the new body", ["CC"], "next meeting"), RegisterBuilder.Secretariat);
        Assert.Equal(5_001, await CountAsync(postgres, "ActionItems"));
        Assert.True(raised.Id > 5_000);
    }

    [Fact]
    public async Task A_role_mapped_on_the_way_in_owns_its_actions_in_the_register_and_their_history_while_the_audit_trail_keeps_the_old_code()
    {
        await using var source = await DemoRegisterAsync();
        var archive = Path.Combine(_folder, "handover.zip");
        await source.Get<HandoverArchive>().ExportAsync(archive, overwrite: false);
        var ownedByPcc = (await source.Get<ActionService>().FindAsync(new ActionFilter(Owner: "PCC"), take: 500)).Items.Select(a => a.Reference).ToList();
        Assert.NotEmpty(ownedByPcc);

        await using var target = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        var result = await target.Get<HandoverArchive>().ImportAsync(archive, ArchiveRoleMap.Parse(["pcc=Mayor:Mayor of the combined authority"]), Actor);

        var actions = target.Get<ActionService>();
        Assert.Equal(ownedByPcc, (await actions.FindAsync(new ActionFilter(Owner: "MAYOR"), take: 500)).Items.Select(a => a.Reference).ToList());
        Assert.Empty((await actions.FindAsync(new ActionFilter(Owner: "PCC"), take: 500)).Items);
        Assert.Contains("PCC to MAYOR", result.Message, StringComparison.Ordinal);
        var roles = await target.Get<PeopleService>().RolesAsync();
        Assert.Equal("Mayor of the combined authority", roles.Single(r => r.Code == "MAYOR").Title);
        Assert.DoesNotContain(roles, r => r.Code == "PCC");
        Assert.Equal(
            (await source.Get<PeopleService>().RolesAsync()).Single(r => r.Code == "PCC").Holders.Select(h => h.PersonName),
            roles.Single(r => r.Code == "MAYOR").Holders.Select(h => h.PersonName));
        var periods = await RowsAsync(target, "ActionPeriods");
        Assert.DoesNotContain(periods, p => p.Split(" | ").Any(v => v.Split('/').Contains("PCC")));
        Assert.Contains(periods, p => p.Split(" | ").Any(v => v.Split('/').Contains("MAYOR")));
        Assert.Contains(await RowsAsync(target, "AuditEntries"), e => e.Contains("\"Code\":\"PCC\"", StringComparison.Ordinal));
        await AssertTrailIntactAsync(target);
    }

    [Theory]
    [InlineData("tables/ActionItems.json", "\"Open\"", "\"Opem\"", false, "does not match its checksum")]
    [InlineData("tables/AuditEntries.json", "\"Added\"", "\"Deleted\"", true, "audit trail does not verify")]
    public async Task An_altered_archive_is_refused_and_the_new_register_stays_empty(string file, string find, string replacement, bool checksumMadeToMatch, string reason)
    {
        await using var source = await DemoRegisterAsync();
        var archive = Path.Combine(_folder, "handover.zip");
        await source.Get<HandoverArchive>().ExportAsync(archive, overwrite: false);
        var tampered = Altered(archive, file, text => ReplaceFirst(text, find, replacement), checksumMadeToMatch);

        await using var target = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        var refused = await Assert.ThrowsAsync<DomainException>(() => target.Get<HandoverArchive>().ImportAsync(tampered, ArchiveRoleMap.None, Actor));

        Assert.StartsWith("Nothing was imported", refused.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        foreach (var table in HandoverArchive.Tables)
            Assert.Equal(0, await CountAsync(target, table));
    }

    [Fact]
    public async Task An_archive_is_refused_by_a_register_that_already_holds_meetings_and_actions_and_that_register_is_unchanged()
    {
        await using var source = await DemoRegisterAsync();
        var archive = Path.Combine(_folder, "handover.zip");
        await source.Get<HandoverArchive>().ExportAsync(archive, overwrite: false);
        await using var busy = await DemoRegisterAsync();
        var before = await RowsAsync(busy, "AuditEntries");

        var refused = await Assert.ThrowsAsync<DomainException>(() => busy.Get<HandoverArchive>().ImportAsync(archive, ArchiveRoleMap.None, Actor));

        Assert.Contains("not empty", refused.Message, StringComparison.Ordinal);
        Assert.Contains("meetings", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await RowsAsync(busy, "AuditEntries"));
    }

    [Fact]
    public async Task A_role_to_rename_that_the_archive_does_not_have_is_refused_naming_the_roles_it_has()
    {
        await using var source = await DemoRegisterAsync();
        var archive = Path.Combine(_folder, "handover.zip");
        await source.Get<HandoverArchive>().ExportAsync(archive, overwrite: false);
        await using var target = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            target.Get<HandoverArchive>().ImportAsync(archive, ArchiveRoleMap.Parse(["PCX=MAYOR"]), Actor));

        Assert.Contains("has no role PCX", refused.Message, StringComparison.Ordinal);
        Assert.Contains("PCC", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(target, "Roles"));
    }

    [Fact]
    public async Task An_export_does_not_replace_an_existing_file_unless_asked_and_leaves_no_working_file_behind()
    {
        await using var source = await DemoRegisterAsync();
        var archive = Path.Combine(_folder, "handover.zip");
        await File.WriteAllTextAsync(archive, "last year's archive");

        var refused = await Assert.ThrowsAsync<DomainException>(() => source.Get<HandoverArchive>().ExportAsync(archive, overwrite: false));
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal("last year's archive", await File.ReadAllTextAsync(archive));

        await source.Get<HandoverArchive>().ExportAsync(archive, overwrite: true);
        Assert.Contains(HandoverArchive.ManifestFile, Names(archive));
        Assert.Equal([archive], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_file_that_is_not_an_archive_is_refused_with_a_message_saying_so()
    {
        var notAnArchive = Path.Combine(_folder, "notes.zip");
        await File.WriteAllTextAsync(notAnArchive, "Holding to account meeting notes, 31 January 2017");
        await using var target = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);

        var refused = await Assert.ThrowsAsync<DomainException>(() => target.Get<HandoverArchive>().ImportAsync(notAnArchive, ArchiveRoleMap.None, Actor));

        Assert.Contains("is not a handover archive", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_table_of_the_register_is_either_carried_by_the_archive_or_named_in_its_README_as_left_out()
    {
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        await using var db = await database.CreateContextAsync();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();

        Assert.All(tables, t => Assert.True(HandoverArchive.Tables.Contains(t) || HandoverArchive.TablesLeftOut.ContainsKey(t), $"{t} is neither carried nor left out"));
        Assert.All(HandoverArchive.TablesLeftOut.Keys, t => Assert.Contains(HandoverArchive.LeftOut, l => l.StartsWith(t, StringComparison.Ordinal)));
    }

    private static async Task<TestDatabase> DemoRegisterAsync()
    {
        var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        Assert.True((await database.Get<DemoData>().SeedAsync()).Seeded);
        return database;
    }

    private static async Task<List<int>> HeldMeetingsAsync(TestDatabase database) =>
        (await database.Get<MeetingService>().ListAsync()).Where(m => m.Status is MeetingStatus.Held or MeetingStatus.Published).Select(m => m.Id).ToList();

    private static async Task AssertTrailIntactAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        var verified = await AuditChain.VerifyAsync(db);
        Assert.True(verified.Intact, verified.Message);
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{find} is not in the file");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
