using System.Text;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Core.Import.ActionLog;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Import.ActionLog;

/// <summary>Committing action logs into a real SQLite register: one transaction, references kept, owners as roles, no duplicates.</summary>
[Needs(Need.Database)]
public sealed class ActionLogCommitTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        await using var db = await _db.CreateContextAsync();
        var cc = await db.Roles.SingleAsync(r => r.Code == "CC");
        db.People.Add(new Person { Name = "Jane Morgan", Holdings = [new RoleHolding { RoleId = cc.Id, From = new DateOnly(2020, 1, 1) }] });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionLogImportService Import => _db.Get<ActionLogImportService>();

    private ActionLogDraft Draft(string fileName, byte[] content) => Import.Parse(ActionLogReader.Read(fileName, content));

    private async Task<int> ActionCountAsync()
    {
        await using var db = await _db.CreateContextAsync();
        return await db.Actions.CountAsync();
    }

    [Fact]
    public async Task A_RAG_coloured_log_commits_with_its_references_owners_statuses_and_the_meetings_it_was_raised_at_as_held()
    {
        var result = await Import.CommitAsync(Draft("hta-log.xlsx", ActionLogLayoutTests.RagColouredLog()), ActionLogCorrections.None, RegisterBuilder.Secretariat);

        Assert.Equal((3, 0, 2), (result.Created, result.Updated, result.MeetingsCreated));
        var first = (await _db.Get<ActionService>().GetAsync("2024/01"))!;
        Assert.Equal("Provide the 101 call answering times by district", first.Action.Text);
        Assert.Equal(["CC"], first.Action.Owners);
        Assert.Equal(ActionStatus.Open, first.Action.Status);
        Assert.Equal(new DateOnly(2024, 3, 26), first.Action.DueDate);
        Assert.Equal(new DateOnly(2024, 1, 30), first.Action.RaisedAt.Date);
        Assert.Equal(ActionStatus.UpdateProvided, (await _db.Get<ActionService>().GetAsync("2024/02"))!.Action.Status);
        Assert.Equal(ActionStatus.Closed, (await _db.Get<ActionService>().GetAsync("2024/03"))!.Action.Status);
        await using var db = await _db.CreateContextAsync();
        Assert.Equal([(new DateOnly(2024, 1, 30), MeetingStatus.Held), (new DateOnly(2024, 2, 27), MeetingStatus.Held)],
            (await db.Meetings.OrderBy(m => m.Date).ToListAsync()).Select(m => (m.Date, m.Status)));
    }

    [Fact]
    public async Task Importing_the_same_log_again_updates_instead_of_duplicating()
    {
        await Import.CommitAsync(Draft("hta-log.xlsx", ActionLogLayoutTests.RagColouredLog()), ActionLogCorrections.None, RegisterBuilder.Secretariat);
        var again = await Import.CommitAsync(Draft("hta-log.xlsx", ActionLogLayoutTests.RagColouredLog()), ActionLogCorrections.None, RegisterBuilder.Secretariat);

        Assert.Equal((0, 0, 3, 0), (again.Created, again.Updated, again.Unchanged, again.MeetingsCreated));
        Assert.Equal(3, await ActionCountAsync());

        var csv = ActionLogLayoutTests.CsvLogWithNames();
        var fallback = new ActionLogCorrections(RaisedOnFallback: new DateOnly(2024, 3, 12));
        var firstTime = await Import.CommitAsync(Draft("log.csv", csv), fallback, RegisterBuilder.Secretariat);
        var secondTime = await Import.CommitAsync(Draft("log.csv", csv), fallback, RegisterBuilder.Secretariat);
        Assert.Equal(3, firstTime.Created);
        Assert.Equal((0, 3), (secondTime.Created, secondTime.Unchanged));
        Assert.Equal(6, await ActionCountAsync());
    }

    [Fact]
    public async Task A_log_row_with_a_new_update_adds_it_to_the_actions_history()
    {
        await Import.CommitAsync(Draft("hta-log.xlsx", ActionLogLayoutTests.RagColouredLog()), ActionLogCorrections.None, RegisterBuilder.Secretariat);
        var later = Encoding.UTF8.GetBytes("Ref,Action,Owner,Status,Update\r\n2024/01,Provide the 101 call answering times by district,CC,Update provided,05/05/2024: figures sent to the OPCC\r\n");

        var result = await Import.CommitAsync(Draft("later.csv", later), ActionLogCorrections.None, RegisterBuilder.Secretariat);

        Assert.Equal(1, result.Updated);
        var action = (await _db.Get<ActionService>().GetAsync("2024/01"))!;
        Assert.Equal(ActionStatus.UpdateProvided, action.Action.Status);
        Assert.Equal("figures sent to the OPCC", action.Action.LatestUpdate!.Text);
        Assert.Equal(new DateOnly(2024, 5, 5), action.Action.LatestUpdate.Date);
    }

    [Fact]
    public async Task Owners_written_as_names_are_matched_to_the_role_they_held_and_assigned_references_follow_the_year()
    {
        var fallback = new ActionLogCorrections(RaisedOnFallback: new DateOnly(2024, 3, 12));
        var review = await Import.ReviewAsync(Draft("log.csv", ActionLogLayoutTests.CsvLogWithNames()), fallback, RegisterBuilder.Secretariat);

        Assert.Empty(review.Problems);
        Assert.Equal([["CC"], ["DCC", "ACC"], ["PCC"]], review.Rows.Select(r => r.Owners));
        Assert.Equal(["2024/01", "2024/02", "2024/03"], review.Rows.Select(r => r.Reference));
        Assert.Equal(0, await ActionCountAsync());
    }

    [Fact]
    public async Task An_unknown_owner_stops_the_commit_with_nothing_written_until_the_secretariat_says_which_role_it_is()
    {
        var log = Encoding.UTF8.GetBytes("Ref,Date raised,Action,Owner\r\n2024/07,30/01/2024,Review the estates strategy,Head of Estates\r\n");
        var review = await Import.ReviewAsync(Draft("log.csv", log), ActionLogCorrections.None, RegisterBuilder.Secretariat);
        Assert.Equal(["Head of Estates"], review.UnknownOwners);

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() =>
            Import.CommitAsync(Draft("log.csv", log), ActionLogCorrections.None, RegisterBuilder.Secretariat));
        Assert.Contains(refused.Problems, p => p.Contains("the owner “Head of Estates” is not a role here", StringComparison.Ordinal));
        Assert.Equal(0, await ActionCountAsync());
        await using (var db = await _db.CreateContextAsync())
            Assert.False(await db.Meetings.AnyAsync());

        var chosen = new ActionLogCorrections(Owners: new Dictionary<string, string> { ["Head of Estates"] = "DCC" });
        await Import.CommitAsync(Draft("log.csv", log), chosen, RegisterBuilder.Secretariat);
        Assert.Equal(["DCC"], (await _db.Get<ActionService>().GetAsync("2024/07"))!.Action.Owners);
    }

    [Fact]
    public async Task A_formula_in_an_imported_column_is_refused_and_nothing_is_written()
    {
        var log = LogWorkbook.Xlsx("Log",
            ["Ref", "Action", "Owner", "Due"],
            ["2024/01", "Report on knife crime", "CC", new LogValue(Number: 45412, Formula: "=TODAY()+28")]);

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() =>
            Import.CommitAsync(Draft("log.xlsx", log), ActionLogCorrections.None, RegisterBuilder.Secretariat));

        Assert.Contains(refused.Problems, p => p.Contains("“Due” (cell D2) is a formula (=TODAY()+28)", StringComparison.Ordinal));
        Assert.Equal(0, await ActionCountAsync());
    }

    [Fact]
    public async Task Imported_open_actions_carry_forward_like_any_other()
    {
        var march = await _register.MeetingAsync(new DateOnly(2024, 3, 26));
        var april = await _register.MeetingAsync(new DateOnly(2024, 4, 30), MeetingStatus.Planned);

        await Import.CommitAsync(Draft("hta-log.xlsx", ActionLogLayoutTests.RagColouredLog()), ActionLogCorrections.None, RegisterBuilder.Secretariat);

        var atMarch = await _register.OutstandingAtAsync(march);
        Assert.Contains("Provide the 101 call answering times by district", atMarch);
        Assert.Contains("Report on the rural crime team's first quarter", atMarch);
        Assert.DoesNotContain("Share the custody inspection action plan", atMarch);
        Assert.Contains("Provide the 101 call answering times by district", await _register.OutstandingAtAsync(april));
    }
}
