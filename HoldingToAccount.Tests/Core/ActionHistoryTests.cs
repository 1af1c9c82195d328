using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Core;

/// <summary>Carrying keeps the action's history; a decision just taken can be undone; the secretariat corrects actions.</summary>
[Needs(Need.Database)]
public sealed class ActionHistoryTests : IAsyncLifetime
{
    private static readonly Actor Chair = new("John Campion", AccessLevel.Chair);
    private static readonly Actor Secretariat = RegisterBuilder.Secretariat;
    private static readonly DateOnly Jan = new(2017, 1, 31), Feb = new(2017, 2, 28), Mar = new(2017, 3, 28), Apr = new(2017, 4, 25);
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;
    private int _jan, _feb, _mar, _apr, _may, _jun;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 1, 31, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        _jan = await _register.MeetingAsync(Jan);
        _feb = await _register.MeetingAsync(Feb, MeetingStatus.Planned);
        _mar = await _register.MeetingAsync(Mar, MeetingStatus.Planned);
        _apr = await _register.MeetingAsync(Apr, MeetingStatus.Planned);
        _may = await _register.MeetingAsync(new DateOnly(2017, 5, 30), MeetingStatus.Planned);
        _jun = await _register.MeetingAsync(new DateOnly(2017, 6, 27), MeetingStatus.Planned);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();

    private async Task<ActionRow> RowAsync(string reference) => (await Actions.GetAsync(reference))!.Action;

    private async Task HoldAsync(int meetingId, DateOnly on)
    {
        _db.SetToday(on);
        await _db.Get<MeetingService>().MarkHeldAsync(meetingId, 1, Chair);
    }

    [Fact]
    public async Task Carrying_an_action_carried_twice_at_a_held_meeting_makes_it_three_times_not_none()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        await HoldAsync(_feb, Feb);
        await HoldAsync(_mar, Mar);
        Assert.Equal(2, (await RowAsync(action.Reference)).TimesCarried);

        await HoldAsync(_apr, Apr);
        var before = await RowAsync(action.Reference);
        Assert.Equal(3, before.TimesCarried);
        await Actions.CarryAsync(action.Reference, before.Version, _jun, "Awaiting the HMIC report", Chair, _apr);

        var after = await RowAsync(action.Reference);
        Assert.Equal(3, after.TimesCarried);
        Assert.Equal(_jun, after.DueMeeting!.Id);
        Assert.Equal("to the February meeting", after.FirstDue!.Phrase);
        Assert.Equal(_feb, after.FirstDue.Meeting!.Id);
        Assert.Equal("first due: February 2017 meeting · now due: June 2017 meeting · carried 3×", DueHistoryText.Describe(after));
        var atApril = Assert.Single(await Actions.OutstandingAtAsync(_apr), r => r.Reference == action.Reference);
        Assert.Equal(2, atApril.TimesCarried);
    }

    [Fact]
    public async Task An_action_never_moved_reads_as_simply_due()
    {
        var action = await _register.ActionAsync(_jan, "Estates plan", "to the March meeting");
        Assert.Equal("due: March 2017 meeting", DueHistoryText.Describe(await RowAsync(action.Reference)));
    }

    [Fact]
    public async Task Closing_at_a_meeting_stops_the_count_and_undoing_it_within_ten_seconds_puts_everything_back()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        await HoldAsync(_feb, Feb);
        await Actions.AddUpdateAsync(action.Reference, null, "Figures attached", ActionStatus.ProposedComplete, Secretariat);
        await HoldAsync(_mar, Mar);
        var proposed = await RowAsync(action.Reference);
        await Actions.CloseAsync(action.Reference, proposed.Version, _mar, "Update accepted", Chair);
        var closed = await RowAsync(action.Reference);
        Assert.Equal(1, closed.TimesCarried);
        Assert.Equal(Mar, closed.ClosedOn);

        _db.Clock.Advance(TimeSpan.FromSeconds(8));
        await Actions.UndoAsync(action.Reference, closed.Version, Chair);

        var reopened = await RowAsync(action.Reference);
        Assert.Equal(ActionStatus.ProposedComplete, reopened.Status);
        Assert.Null(reopened.ClosedOn);
        Assert.Equal(2, reopened.TimesCarried);
        Assert.Equal(closed.Version + 1, reopened.Version);
        var history = (await Actions.GetAsync(action.Reference))!.Updates;
        Assert.Equal("Undone: closed.", history[^1].Text);
        Assert.Equal(Chair.Name, history[^1].Author);
        await using var db = await _db.CreateContextAsync();
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == "ActionItem" && e.Change == "Modified").Select(e => e.After).ToListAsync(),
            after => after!.Contains("\"Status\":\"ProposedComplete\"", StringComparison.Ordinal) && after.Contains("\"ClosedOn\":null", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Undoing_a_carry_brings_the_action_back_to_the_meeting_it_was_due_at()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        _db.SetToday(Feb);
        await Actions.CarryAsync(action.Reference, action.Version, _may, "More time needed", Chair, _feb);
        var carried = await RowAsync(action.Reference);
        await Actions.UndoAsync(action.Reference, carried.Version, Chair);

        var row = await RowAsync(action.Reference);
        Assert.Equal(_feb, row.DueMeeting!.Id);
        Assert.Equal("to the February meeting", row.DuePhrase);
        var undone = (await Actions.GetAsync(action.Reference))!.Updates[^1];
        Assert.Equal("Undone: carried to Monthly Assurance Meeting May 2017 (30 May 2017).", undone.Text);
        Assert.Equal(_feb, undone.MeetingId);
    }

    [Fact]
    public async Task Undo_is_refused_after_ten_seconds_to_someone_else_and_on_a_stale_version()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        await Actions.CancelAsync(action.Reference, action.Version, "Superseded", Chair);
        var cancelled = await RowAsync(action.Reference);

        var stale = await Assert.ThrowsAsync<StaleEditException>(() => Actions.UndoAsync(action.Reference, action.Version, Chair));
        Assert.Contains("changed by someone else", stale.Message, StringComparison.Ordinal);
        var other = await Assert.ThrowsAsync<DomainException>(() => Actions.UndoAsync(action.Reference, cancelled.Version, Secretariat));
        Assert.Contains("Only John Campion", other.Message, StringComparison.Ordinal);
        _db.Clock.Advance(TimeSpan.FromSeconds(11));
        var late = await Assert.ThrowsAsync<DomainException>(() => Actions.UndoAsync(action.Reference, cancelled.Version, Chair));
        Assert.Equal("Too late to undo; reopen or correct the action instead.", late.Message);
        Assert.Equal(ActionStatus.Cancelled, (await RowAsync(action.Reference)).Status);
    }

    [Fact]
    public async Task An_update_is_not_a_decision_so_there_is_nothing_to_undo()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        await Actions.AddUpdateAsync(action.Reference, action.Version, "Figures attached", null, Secretariat);
        var error = await Assert.ThrowsAsync<DomainException>(() => Actions.UndoAsync(action.Reference, action.Version + 1, Secretariat));
        Assert.Contains("nothing to undo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_corrects_wording_owners_and_due_point_with_a_reason_and_the_history_says_what_changed()
    {
        var action = await _register.ActionAsync(_jan, "Burglary updte", "to the February meeting");
        await Actions.CorrectAsync(action.Reference, action.Version,
            new CorrectedFields(Text: "Burglary update", OwnerCodes: ["CC", "DCC"], DuePhrase: "to the March meeting"), "Typo in the meeting", Secretariat);

        var row = await RowAsync(action.Reference);
        Assert.Equal("Burglary update", row.Text);
        Assert.Equal(["CC", "DCC"], row.Owners);
        Assert.Equal(_mar, row.DueMeeting!.Id);
        Assert.Equal(action.Version + 1, row.Version);
        Assert.Equal(_mar, row.FirstDue!.Meeting!.Id);
        var entry = (await Actions.GetAsync(action.Reference))!.Updates.Single();
        Assert.Equal("Corrected the wording from “Burglary updte” to “Burglary update”. Corrected the owners from CC to CC, DCC. "
            + "Corrected the due point from Monthly Assurance Meeting February 2017 (28 Feb 2017) (“to the February meeting”) to "
            + "Monthly Assurance Meeting March 2017 (28 Mar 2017) (“to the March meeting”). Typo in the meeting.", entry.Text);
        Assert.Equal(Secretariat.Name, entry.Author);
        await using var db = await _db.CreateContextAsync();
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityType == "ActionItem" && e.Change == "Modified").Select(e => e.After).ToListAsync(),
            after => after!.Contains("\"Text\":\"Burglary update\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Correcting_the_due_point_after_meetings_have_passed_does_not_count_as_a_carry_nor_undo_one()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        await HoldAsync(_feb, Feb);
        var carriedOnce = await RowAsync(action.Reference);
        Assert.Equal(1, carriedOnce.TimesCarried);

        await Actions.CorrectAsync(action.Reference, carriedOnce.Version, new CorrectedFields(DueMeetingId: _apr), "Agreed April, not February", Secretariat);
        await HoldAsync(_mar, Mar);

        var row = await RowAsync(action.Reference);
        Assert.Equal(1, row.TimesCarried);
        Assert.Equal(_apr, row.DueMeeting!.Id);
    }

    [Fact]
    public async Task Corrections_need_the_secretariat_a_reason_a_change_and_the_current_version()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        var fix = new CorrectedFields(Text: "Burglary update for North Worcestershire");

        await Assert.ThrowsAsync<ForbiddenException>(() => Actions.CorrectAsync(action.Reference, action.Version, fix, "Typo", Chair));
        var noReason = await Assert.ThrowsAsync<DomainException>(() => Actions.CorrectAsync(action.Reference, action.Version, fix, " ", Secretariat));
        Assert.Contains("Give a reason", noReason.Message, StringComparison.Ordinal);
        var same = await Assert.ThrowsAsync<DomainException>(() => Actions.CorrectAsync(action.Reference, action.Version,
            new CorrectedFields(Text: "Burglary update", OwnerCodes: ["cc"]), "Typo", Secretariat));
        Assert.Contains("leaves action", same.Message, StringComparison.Ordinal);
        await Actions.CorrectAsync(action.Reference, action.Version, fix, "Typo", Secretariat);
        await Assert.ThrowsAsync<StaleEditException>(() => Actions.CorrectAsync(action.Reference, action.Version, fix with { Text = "Other" }, "Typo", Secretariat));
        Assert.Equal("Burglary update for North Worcestershire", (await RowAsync(action.Reference)).Text);
    }
}
