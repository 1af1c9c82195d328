using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class ActionDecisionTests : IAsyncLifetime
{
    private static readonly Actor Chair = new("John Campion", AccessLevel.Chair);
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;
    private int _jan, _feb, _mar, _apr;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 28, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        _jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        _feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        _mar = await _register.MeetingAsync(new DateOnly(2017, 3, 28), MeetingStatus.Planned);
        _apr = await _register.MeetingAsync(new DateOnly(2017, 4, 25), MeetingStatus.Planned);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();

    private async Task<ActionRow> RowAsync(string reference) => (await Actions.GetAsync(reference))!.Action;

    [Fact]
    public async Task Carrying_to_a_named_meeting_moves_it_there_and_records_the_reason()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        await Actions.CarryAsync(action.Reference, action.Version, _apr, "Awaiting the HMIC report", Chair, _feb);

        Assert.Contains("Burglary update", await _register.OutstandingAtAsync(_feb));
        Assert.DoesNotContain("Burglary update", await _register.OutstandingAtAsync(_mar));
        Assert.Contains("Burglary update", await _register.OutstandingAtAsync(_apr));
        var detail = (await Actions.GetAsync(action.Reference))!;
        var update = Assert.Single(detail.Updates);
        Assert.Contains("Carried to Monthly Assurance Meeting April 2017", update.Text);
        Assert.Contains("Awaiting the HMIC report.", update.Text);
        Assert.Equal(_feb, update.MeetingId);
        Assert.Equal(action.Version + 1, detail.Action.Version);
    }

    [Fact]
    public async Task Deferring_brings_it_to_the_meeting_after_the_one_it_was_decided_at()
    {
        var action = await _register.ActionAsync(_jan, "Estates plan", "to the February meeting");
        await Actions.DeferAsync(action.Reference, action.Version, _feb, "Not reached", Chair);
        Assert.Equal(_mar, (await RowAsync(action.Reference)).DueMeeting!.Id);
    }

    [Fact]
    public async Task Re_dating_binds_to_the_first_meeting_on_or_after_the_date()
    {
        var action = await _register.ActionAsync(_jan, "Estates plan", "to the February meeting");
        await Actions.RedateAsync(action.Reference, action.Version, new DateOnly(2017, 4, 1), "Contract slipped", Chair);
        var row = await RowAsync(action.Reference);
        Assert.Equal(DueKind.Date, row.DueKind);
        Assert.Equal(_apr, row.DueMeeting!.Id);
    }

    [Fact]
    public async Task Cancelling_ends_the_action_and_reassigning_changes_its_owners()
    {
        var first = await _register.ActionAsync(_jan, "First", "to the February meeting");
        var second = await _register.ActionAsync(_jan, "Second", "to the February meeting");
        await Actions.CancelAsync(first.Reference, first.Version, "Overtaken by the national review", Chair);
        await Actions.ReassignAsync(second.Reference, second.Version, ["acc", "DCC"], "Portfolio change", Chair);

        Assert.Equal(ActionStatus.Cancelled, (await RowAsync(first.Reference)).Status);
        Assert.Equal(["ACC", "DCC"], (await RowAsync(second.Reference)).Owners);
        Assert.Contains("Reassigned from CC to ACC/DCC", (await Actions.GetAsync(second.Reference))!.Updates.Single().Text);
    }

    [Fact]
    public async Task Every_decision_needs_a_reason_and_the_chair_and_nothing_is_written_otherwise()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        var officer = new Actor("Anthony Bangham", AccessLevel.Officer);
        var noReason = await Assert.ThrowsAsync<DomainException>(() => Actions.CarryAsync(action.Reference, action.Version, _mar, "  ", Chair));
        Assert.Contains("Give a reason", noReason.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => Actions.CancelAsync(action.Reference, action.Version, "why", officer));
        await Assert.ThrowsAsync<ForbiddenException>(() => Actions.DeferAsync(action.Reference, action.Version, null, "why", officer));
        var detail = (await Actions.GetAsync(action.Reference))!;
        Assert.Empty(detail.Updates);
        Assert.Equal(action.Version, detail.Action.Version);
    }

    [Fact]
    public async Task A_stale_decision_is_refused()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        await Actions.AddUpdateAsync(action.Reference, action.Version, "Progress", null, Chair);
        var ex = await Assert.ThrowsAsync<StaleEditException>(() => Actions.CloseAsync(action.Reference, action.Version, _feb, "Done", Chair));
        Assert.Contains("changed by someone else", ex.Message);
        Assert.Equal(ActionStatus.UpdateProvided, (await RowAsync(action.Reference)).Status);
    }

    [Fact]
    public async Task An_action_cannot_be_carried_to_a_held_or_earlier_meeting_or_another_series()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        await Assert.ThrowsAsync<DomainException>(() => Actions.CarryAsync(action.Reference, action.Version, _jan, "x", Chair));
        Assert.Equal([_feb, _mar, _apr], (await Actions.CarryTargetsAsync(action.Reference)).Select(m => m.Id));
    }

    [Fact]
    public async Task Quick_entry_preview_binds_a_relative_phrase_to_the_meeting_it_falls_before()
    {
        var preview = await Actions.PreviewAsync(_feb, "ACC to bring back a timeline in 1 month");
        Assert.Equal(["ACC"], preview.Owners);
        Assert.Equal(DueKind.Date, preview.DueKind);
        Assert.Equal(new DateOnly(2017, 3, 28), preview.DueDate);
        Assert.Equal(_mar, preview.DueMeeting!.Id);
        Assert.Null(preview.Problem);
    }

    [Fact]
    public async Task Each_decision_is_named_in_the_history_so_screens_can_show_it_without_reading_its_words()
    {
        var closed = await _register.ActionAsync(_jan, "Closed one", "to the February meeting");
        var carried = await _register.ActionAsync(_jan, "Carried one", "to the February meeting");
        var noted = await _register.ActionAsync(_jan, "Noted one", "to the February meeting");
        var elsewhere = await _register.ActionAsync(_jan, "Updated by its owner", "to the February meeting");
        await Actions.CloseAsync(closed.Reference, closed.Version, _feb, "Done", Chair);
        await Actions.CarryAsync(carried.Reference, carried.Version, _apr, "More time needed", Chair, _feb);
        await Actions.AddUpdateAsync(noted.Reference, noted.Version, "Draft shared with the panel", null, Chair, _feb);
        await Actions.AddUpdateAsync(elsewhere.Reference, elsewhere.Version, "Draft written", null, Chair);

        Assert.Equal((Decision.Closed, (int?)_feb), Latest(await RowAsync(closed.Reference)));
        Assert.Equal((Decision.Carried, (int?)_feb), Latest(await RowAsync(carried.Reference)));
        Assert.Equal((Decision.Noted, (int?)_feb), Latest(await RowAsync(noted.Reference)));
        Assert.Equal((Decision.None, (int?)null), Latest(await RowAsync(elsewhere.Reference)));
    }

    private static (Decision, int?) Latest(ActionRow row) => (row.LatestUpdate!.Decision, row.LatestUpdate.MeetingId);

    [Fact]
    public async Task Reopening_a_closed_action_makes_it_outstanding_again_with_the_reason_kept()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        await Actions.CloseAsync(action.Reference, action.Version, _feb, "Done", Chair);
        var closed = await RowAsync(action.Reference);

        await Actions.ReopenAsync(action.Reference, closed.Version, "Closed in error", Chair, _feb);

        var detail = (await Actions.GetAsync(action.Reference))!;
        Assert.Equal(ActionStatus.Open, detail.Action.Status);
        Assert.Null(detail.Action.ClosedOn);
        Assert.Equal(closed.Version + 1, detail.Action.Version);
        var entry = detail.Updates.OrderByDescending(u => u.Date).ThenByDescending(u => u.Decision == Decision.Reopened).First();
        Assert.Equal((Decision.Reopened, "Reopened. Closed in error."), (entry.Decision, entry.Text));
        Assert.Contains("Burglary update", await _register.OutstandingAtAsync(_mar));
    }

    [Fact]
    public async Task Reopening_needs_a_reason_the_current_version_and_a_chair_or_the_secretariat()
    {
        var action = await _register.ActionAsync(_jan, "Burglary update", "to the February meeting");
        await Actions.CloseAsync(action.Reference, action.Version, _feb, "Done", Chair);
        var closed = await RowAsync(action.Reference);

        await Assert.ThrowsAsync<DomainException>(() => Actions.ReopenAsync(action.Reference, closed.Version, " ", Chair));
        await Assert.ThrowsAsync<StaleEditException>(() => Actions.ReopenAsync(action.Reference, action.Version, "Closed in error", Chair));
        await Assert.ThrowsAsync<ForbiddenException>(() => Actions.ReopenAsync(action.Reference, closed.Version, "Closed in error",
            new Actor("Anthony Bangham", AccessLevel.Officer)));
        Assert.Equal(ActionStatus.Closed, (await RowAsync(action.Reference)).Status);
    }
}
