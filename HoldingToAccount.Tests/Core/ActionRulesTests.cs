using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Core;

/// <summary>The rules of an action kept in one place: when it is open, closing, cancelling and reopening it, and its number.</summary>
[Needs(Need.Database)]
public sealed class ActionRulesTests : IAsyncLifetime
{
    private static readonly Actor Chair = new("John Campion", AccessLevel.Chair);
    private static readonly DateTime Noon = new(2017, 2, 28, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;
    private int _jan, _feb, _mar;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 28, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        _jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        _feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        _mar = await _register.MeetingAsync(new DateOnly(2017, 3, 28), MeetingStatus.Planned);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();

    private static ActionItem Action(ActionStatus status = ActionStatus.Open) =>
        new() { Text = "Report on the estates strategy", Year = 2017, Sequence = 4, Status = status };

    [Theory]
    [InlineData(ActionStatus.Open, true)]
    [InlineData(ActionStatus.UpdateProvided, true)]
    [InlineData(ActionStatus.ProposedComplete, true)]
    [InlineData(ActionStatus.Closed, false)]
    [InlineData(ActionStatus.Cancelled, false)]
    public void An_action_is_open_until_it_is_closed_or_cancelled(ActionStatus status, bool open)
    {
        Assert.Equal(open, Action(status).IsOpen);
        Assert.Equal(open, status.IsOpen());
    }

    [Fact]
    public async Task The_database_finds_the_same_open_actions_as_the_action_itself_says()
    {
        foreach (var status in Enum.GetValues<ActionStatus>())
            await _register.ActionAsync(_jan, status.ToString(), "to the February meeting");
        await using (var db = await _db.CreateContextAsync())
        {
            foreach (var action in await db.Actions.ToListAsync())
                action.Status = Enum.Parse<ActionStatus>(action.Text);
            await db.SaveChangesAsync();
        }

        await using var check = await _db.CreateContextAsync();
        var open = await check.Actions.Where(ActionItem.Open).Select(a => a.Text).OrderBy(t => t).ToListAsync();
        Assert.Equal(["Open", "ProposedComplete", "UpdateProvided"], open);
    }

    [Fact]
    public void Closing_at_a_meeting_records_the_meeting_the_date_and_why_in_its_history()
    {
        var action = Action(ActionStatus.UpdateProvided);
        action.Close(new DateOnly(2017, 2, 28), _feb, "Strategy published.", "Sam Carter", Noon);

        Assert.False(action.IsOpen);
        Assert.Equal(ActionStatus.Closed, action.Status);
        Assert.Equal(_feb, action.ClosedAtMeetingId);
        Assert.Equal(new DateOnly(2017, 2, 28), action.ClosedOn);
        var entry = Assert.Single(action.Updates);
        Assert.Equal(("Strategy published.", "Sam Carter", _feb, ActionStatus.Closed), (entry.Text, entry.Author, entry.MeetingId, entry.NewStatus));
    }

    [Fact]
    public void Cancelling_ends_the_action_as_not_completed()
    {
        var action = Action();
        action.Cancel(new DateOnly(2017, 2, 28), null, "Cancelled. Overtaken by the national review.", "Sam Carter", Noon);

        Assert.Equal(ActionStatus.Cancelled, action.Status);
        Assert.Equal(new DateOnly(2017, 2, 28), action.ClosedOn);
        Assert.Null(action.ClosedAtMeetingId);
        Assert.Equal(ActionStatus.Cancelled, Assert.Single(action.Updates).NewStatus);
    }

    [Fact]
    public void A_closed_action_cannot_be_closed_or_cancelled_again()
    {
        var action = Action();
        action.Close(new DateOnly(2017, 2, 28), _feb, "Done.", "Sam Carter", Noon);

        Assert.Contains("already closed", Assert.Throws<DomainException>(() => action.Close(new DateOnly(2017, 3, 1), null, "Again", "x", Noon)).Message);
        Assert.Throws<DomainException>(() => action.Cancel(new DateOnly(2017, 3, 1), null, "Again", "x", Noon));
        Assert.Single(action.Updates);
    }

    [Fact]
    public void Reopening_a_closed_action_makes_it_open_and_keeps_both_entries_in_its_history()
    {
        var action = Action();
        action.Close(new DateOnly(2017, 2, 28), _feb, "Done.", "John Campion", Noon);
        action.Reopen(new DateOnly(2017, 2, 28), null, "Closed by mistake: the report is still awaited.", "Sam Carter", Noon);

        Assert.True(action.IsOpen);
        Assert.Equal(ActionStatus.Open, action.Status);
        Assert.Null(action.ClosedOn);
        Assert.Null(action.ClosedAtMeetingId);
        Assert.Equal([ActionStatus.Closed, ActionStatus.Open], action.Updates.Select(u => u.NewStatus));
    }

    [Fact]
    public void An_open_action_cannot_be_reopened()
    {
        var action = Action(ActionStatus.ProposedComplete);
        Assert.Contains("nothing to reopen", Assert.Throws<DomainException>(() => action.Reopen(new DateOnly(2017, 2, 28), null, "Why", "x", Noon)).Message);
        Assert.Equal(ActionStatus.ProposedComplete, action.Status);
    }

    [Fact]
    public async Task A_wrongly_closed_action_reopened_is_brought_forward_to_the_next_meeting_again()
    {
        var raised = await _register.ActionAsync(_jan, "Report on the estates strategy", "to the February meeting");
        await Actions.CloseAsync(raised.Reference, raised.Version, _feb, "Done.", Chair);
        Assert.DoesNotContain("Report on the estates strategy", await _register.OutstandingAtAsync(_mar));

        await using (var db = await _db.CreateContextAsync())
        {
            var action = await db.Actions.SingleAsync(a => a.Id == raised.Id);
            action.Reopen(new DateOnly(2017, 2, 28), null, "Closed by mistake.", "Sam Carter", Noon);
            await db.SaveChangesAsync();
        }

        Assert.Contains("Report on the estates strategy", await _register.OutstandingAtAsync(_mar));
        var detail = (await Actions.GetAsync(raised.Reference))!;
        Assert.Equal(ActionStatus.Open, detail.Action.Status);
        Assert.Equal([ActionStatus.Closed, ActionStatus.Open], detail.Updates.Select(u => u.NewStatus));
    }

    [Fact]
    public async Task Numbers_follow_on_within_a_year_and_start_again_at_1_in_the_next()
    {
        var december = await _register.MeetingAsync(new DateOnly(2016, 12, 20));
        var first = await _register.ActionAsync(december, "First of 2016");
        var second = await _register.ActionAsync(december, "Second of 2016");
        var january = await _register.ActionAsync(_jan, "First of 2017");
        var later2016 = await _register.ActionAsync(december, "Third of 2016");

        Assert.Equal(["2016/01", "2016/02", "2017/01", "2016/03"], new[] { first, second, january, later2016 }.Select(a => a.Reference));
    }

    [Fact]
    public async Task Writers_numbering_at_the_same_time_never_take_the_same_number()
    {
        var raised = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() =>
            Actions.RaiseAsync(new NewAction(_feb, $"Action {i}", ["CC"]), RegisterBuilder.Secretariat))));

        Assert.Equal(Enumerable.Range(1, 8).Select(n => ActionReference.Format(2017, n)), raised.Select(a => a.Reference).Order());
    }

    [Fact]
    public async Task The_carry_targets_of_a_new_action_are_the_planned_meetings_after_the_one_raising_it()
    {
        var cancelled = await _register.MeetingAsync(new DateOnly(2017, 4, 25), MeetingStatus.Cancelled);

        var targets = await Actions.DueTargetsAsync(_jan);

        Assert.Equal([_feb, _mar], targets.Select(t => t.Id));
        Assert.DoesNotContain(cancelled, targets.Select(t => t.Id));
    }

    [Fact]
    public async Task A_quick_entry_saved_as_read_keeps_its_phrase_and_binds_where_it_resolves()
    {
        var preview = await Actions.PreviewAsync(_jan, "ACC to bring back a timeline to the March meeting");
        Assert.Equal((DueKind.Meeting, _mar), (preview.DueKind, preview.DueMeeting?.Id));

        var asRead = preview.ToNewAction(_jan, ["ACC"], _mar, null);
        Assert.Equal(preview.DuePhrase, asRead.DuePhrase);
        Assert.Equal(_mar, asRead.DueMeetingId);

        var moved = preview.ToNewAction(_jan, ["ACC"], _feb, null);
        Assert.Equal(_feb, moved.DueMeetingId);
        Assert.Equal(_feb, (await Actions.RaiseAsync(moved, Chair)).DueMeeting?.Id);
    }

    [Fact]
    public async Task A_quick_entry_whose_date_resolves_to_the_chosen_meeting_stays_due_by_its_date()
    {
        var preview = await Actions.PreviewAsync(_jan, "CC to report back in 4 weeks");
        Assert.Equal(DueKind.Date, preview.DueKind);

        var input = preview.ToNewAction(_jan, ["CC"], preview.DueMeeting?.Id, null);

        Assert.Null(input.DueMeetingId);
        Assert.Equal(DueKind.Date, (await Actions.RaiseAsync(input, Chair)).DueKind);
    }

    [Fact]
    public void A_deferred_item_without_an_owner_is_no_action_but_with_one_it_is()
    {
        var span = new SourceSpan(0, 1);
        var deferred = new DraftAction("This item was deferred until the next meeting", [], "4b", false, DraftActionStatus.Deferred,
            DraftDue.None, span, null, []);

        Assert.True(deferred.IsDeferralOnly(deferred.Owners));
        Assert.False(deferred.IsDeferralOnly(["CC"]));
        Assert.False((deferred with { Status = DraftActionStatus.Open }).IsDeferralOnly([]));
    }
}
