using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Import;

/// <summary>The same notes twice, a failure part-way through, and who may import: never a duplicate, never half a meeting.</summary>
[Needs(Need.Database)]
public sealed class ImportSafetyTests : IAsyncLifetime
{
    private const string Seed = "000_99665aecc8bf7cf6.txt";
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 11, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ImportService Import => new(_db.Get<IDbContextFactory<AppDbContext>>(), _db.Clock);

    [Fact]
    public async Task The_same_notes_twice_are_refused_as_a_duplicate_and_nothing_is_added()
    {
        var first = await Import.CommitAsync(NotesTestFiles.ParseSeed(Seed), ImportCorrections.None, RegisterBuilder.Secretariat);
        var before = await SnapshotAsync();

        var again = await Assert.ThrowsAsync<DuplicateImportException>(() =>
            Import.CommitAsync(NotesTestFiles.ParseSeed(Seed), ImportCorrections.None, RegisterBuilder.Secretariat));

        Assert.True(again.Previous.SameNotes);
        Assert.Equal(first.MeetingId, again.Previous.MeetingId);
        Assert.Contains("imported before", again.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_same_notes_with_other_line_endings_are_still_recognised()
    {
        var bytes = await File.ReadAllBytesAsync(NotesTestFiles.PathOf("seeds", Seed));
        await Import.CommitAsync(NotesTestFiles.ParseSeed(Seed), ImportCorrections.None, RegisterBuilder.Secretariat);
        var crlf = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes).Replace("\n", "  \r\n", StringComparison.Ordinal));

        var draft = ImportService.Read("copy.txt", crlf);

        await Assert.ThrowsAsync<DuplicateImportException>(() => Import.CommitAsync(draft, ImportCorrections.None, RegisterBuilder.Secretariat));
        Assert.Equal(ImportService.SourceHash(NotesTestFiles.ParseSeed(Seed)), ImportService.SourceHash(draft));
    }

    [Fact]
    public async Task Importing_again_as_an_update_replaces_the_meeting_without_duplicating_and_keeps_actions_updated_since()
    {
        var first = await Import.CommitAsync(NotesTestFiles.ParseSeed(Seed), ImportCorrections.None, RegisterBuilder.Secretariat);
        await _db.Get<ActionService>().AddUpdateAsync("2017/02", null, "Minimum standard drafted.", null, RegisterBuilder.Secretariat);
        var before = await ShapeAsync();

        var second = await Import.CommitAsync(NotesTestFiles.ParseSeed(Seed), new ImportCorrections { Update = true }, RegisterBuilder.Secretariat);

        Assert.True(second.Updated);
        Assert.Equal(first.MeetingId, second.MeetingId);
        Assert.Equal(["2017/01", "2017/02", "2017/03"], second.Actions.Select(a => a.Reference).Order());
        Assert.Equal(ImportedActionOutcome.Kept, second.Actions.Single(a => a.Reference == "2017/02").Outcome);
        Assert.Equal(before, await ShapeAsync());
        var kept = (await _db.Get<ActionService>().GetAsync("2017/02"))!;
        Assert.Equal("Minimum standard drafted.", Assert.Single(kept.Updates).Text);
        Assert.Equal("4a.1", kept.Action.ItemNumber);
    }

    [Fact]
    public async Task A_meeting_of_the_series_on_the_same_date_is_offered_as_an_update_and_filled_in()
    {
        var planned = await _register.MeetingAsync(new DateOnly(2017, 1, 31), MeetingStatus.Planned);

        var review = await Import.ReviewAsync(NotesTestFiles.ParseSeed(Seed), ImportCorrections.None, RegisterBuilder.Secretariat);
        Assert.Equal(planned, review.Previous?.MeetingId);
        Assert.False(review.Previous!.SameNotes);
        Assert.Empty(review.Problems);
        Assert.True(review.Outcome!.Updated);
        var refused = await Assert.ThrowsAsync<DuplicateImportException>(() =>
            Import.CommitAsync(NotesTestFiles.ParseSeed(Seed), ImportCorrections.None, RegisterBuilder.Secretariat));
        Assert.Contains("already has a meeting", refused.Message, StringComparison.Ordinal);

        var result = await Import.CommitAsync(NotesTestFiles.ParseSeed(Seed), new ImportCorrections { Update = true }, RegisterBuilder.Secretariat);

        Assert.Equal(planned, result.MeetingId);
        await using var db = await _db.CreateContextAsync();
        Assert.Equal(MeetingStatus.Held, (await db.Meetings.SingleAsync(m => m.Id == planned)).Status);
        Assert.Equal(1, await db.Meetings.CountAsync());
    }

    [Fact]
    public async Task An_unknown_owner_in_the_last_action_fails_the_commit_part_way_and_nothing_at_all_is_written()
    {
        var draft = NotesTestFiles.ParseVariety("v01_labelled_bullets_initials.txt");
        var last = draft.Actions.Count - 1;
        var before = await SnapshotAsync();

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => Import.CommitAsync(draft,
            new ImportCorrections { Actions = new Dictionary<int, ActionCorrection> { [last] = new(Owners: ["XYZ"]) } }, RegisterBuilder.Secretariat));

        var problem = Assert.Single(refused.Problems);
        Assert.Contains($"Action {last + 1}", problem, StringComparison.Ordinal);
        Assert.Contains("“XYZ” is not a role", problem, StringComparison.Ordinal);
        Assert.Contains("ACC, CC, DCC, PCC", problem, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());

        var fixedOwner = new Dictionary<int, ActionCorrection> { [last] = new(Owners: ["dcc"]) };
        var result = await Import.CommitAsync(draft, new ImportCorrections { Actions = fixedOwner }, RegisterBuilder.Secretariat);
        Assert.Equal(3, result.Actions.Count);
        Assert.Equal(["DCC"], result.Actions[last].Owners);
    }

    [Fact]
    public async Task A_review_reads_the_draft_against_the_register_and_writes_nothing()
    {
        var draft = NotesTestFiles.ParseVariety("v08_deferred_and_numbered_list.txt");
        var before = await SnapshotAsync();

        var review = await Import.ReviewAsync(draft, ImportCorrections.None, RegisterBuilder.Secretariat);

        Assert.Null(review.Previous);
        Assert.Null(review.Outcome);
        Assert.Contains(review.Problems, p => p.Contains("“ALL” is not a role", StringComparison.Ordinal));
        Assert.Equal(["ALL"], review.Actions[3].UnknownOwners);
        Assert.Equal(["ACC", "DCC"], review.Actions[2].Owners.Order());
        Assert.Equal(before, await SnapshotAsync());

        var corrected = new ImportCorrections { Actions = new Dictionary<int, ActionCorrection> { [3] = new(Owners: ["CC"]) } };
        var ok = await Import.ReviewAsync(draft, corrected, RegisterBuilder.Secretariat);
        Assert.Empty(ok.Problems);
        Assert.Equal(3, ok.Outcome!.Actions.Count);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData(AccessLevel.Viewer)]
    [InlineData(AccessLevel.Officer)]
    [InlineData(AccessLevel.Chair)]
    public async Task Only_the_secretariat_may_import(AccessLevel level)
    {
        var actor = new Actor("Someone", level);
        var draft = NotesTestFiles.ParseSeed(Seed);
        var before = await SnapshotAsync();

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Import.CommitAsync(draft, ImportCorrections.None, actor));
        await Assert.ThrowsAsync<ForbiddenException>(() => Import.ReviewAsync(draft, ImportCorrections.None, actor));
        await Assert.ThrowsAsync<ForbiddenException>(() => Import.OptionsAsync(actor));

        Assert.Equal("Only the secretariat can import notes.", refused.Message);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(3, (await Import.CommitAsync(draft, ImportCorrections.None, Actor.System("import"))).Actions.Count);
    }

    [Fact]
    public async Task The_audit_trail_records_who_imported()
    {
        await Import.CommitAsync(NotesTestFiles.ParseSeed(Seed), ImportCorrections.None, RegisterBuilder.Secretariat);

        await using var db = await _db.CreateContextAsync();
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Who == RegisterBuilder.Secretariat.Name && e.EntityType == "Meeting");
    }

    /// <summary>How many of everything, and which references: what an update must leave as it was.</summary>
    private async Task<string> ShapeAsync()
    {
        await using var db = await _db.CreateContextAsync();
        return string.Join(" ",
            await db.Meetings.CountAsync(), await db.MeetingAttendees.CountAsync(), await db.AgendaItems.CountAsync(),
            await db.Actions.CountAsync(), await db.ActionUpdates.CountAsync(),
            string.Join(",", await db.Actions.OrderBy(a => a.Id).Select(a => a.Year + "/" + a.Sequence).ToListAsync()));
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = await _db.CreateContextAsync();
        return string.Join(" ",
            await db.Meetings.CountAsync(), await db.MeetingAttendees.CountAsync(), await db.AgendaItems.CountAsync(),
            await db.Actions.CountAsync(), await db.ActionUpdates.CountAsync(), await db.AuditEntries.CountAsync(),
            string.Join(",", await db.Actions.OrderBy(a => a.Id).Select(a => a.Year + "/" + a.Sequence + ":" + a.Version).ToListAsync()));
    }
}
