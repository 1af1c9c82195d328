using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Core;

/// <summary>Today is Sunday 29 November 2026. The series was last held in October 2026 (and long ago in July 2017); December
/// 2026 and the first half of 2027 are planned on the last Tuesday of each month.</summary>
[Needs(Need.Database)]
public sealed class RevisitDatingTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private TestDatabase _database = null!;
    private RegisterBuilder _register = null!;
    private int _jul2017, _oct2026, _dec2026, _may2027, _jun2027;
    private ActionService Actions => _database.Get<ActionService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new DateTimeOffset(2026, 11, 29, 14, 3, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_database);
        _jul2017 = await _register.MeetingAsync(new DateOnly(2017, 7, 25));
        _oct2026 = await _register.MeetingAsync(new DateOnly(2026, 10, 27));
        _dec2026 = await _register.MeetingAsync(new DateOnly(2026, 12, 29), MeetingStatus.Planned);
        _may2027 = await _register.MeetingAsync(new DateOnly(2027, 5, 25), MeetingStatus.Planned);
        _jun2027 = await _register.MeetingAsync(new DateOnly(2027, 6, 29), MeetingStatus.Planned);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<ActionRow> ScheduleAsync(string text, int? dueMeetingId = null) =>
        Actions.ScheduleRevisitAsync(new NewRevisit(_register.SeriesId, text, ["CC"], DueMeetingId: dueMeetingId), RegisterBuilder.Secretariat);

    private async Task<int> OverdueCountAsync()
    {
        await using var db = await _database.CreateContextAsync();
        return await db.Actions.CountAsync(CarryForward.Overdue(db.Meetings, Today));
    }

    [Fact]
    public async Task A_revisit_scheduled_today_in_6_months_time_is_due_six_months_from_today_at_the_first_meeting_after_that()
    {
        var revisit = await ScheduleAsync("Revisit the confidence strategy in 6 months' time");

        Assert.Equal(ActionKind.Revisit, revisit.Kind);
        Assert.Equal(new DateOnly(2027, 5, 29), revisit.DueDate);
        Assert.Equal(_jun2027, revisit.DueMeeting!.Id);
        Assert.StartsWith("2026/", revisit.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revisit_scheduled_between_meetings_is_recorded_against_the_latest_held_meeting_never_a_future_one()
    {
        var revisit = await ScheduleAsync("Revisit the confidence strategy in 6 months' time");

        Assert.Equal(_oct2026, revisit.RaisedAt.Id);
        Assert.True(revisit.RaisedAt.Date <= Today);
    }

    [Fact]
    public async Task A_revisit_scheduled_today_is_not_overdue_and_not_brought_forward_to_the_next_meeting()
    {
        await ScheduleAsync("Revisit the confidence strategy in 6 months' time");

        Assert.Equal(0, await OverdueCountAsync());
        Assert.Empty(await _register.OutstandingAtAsync(_dec2026));
        Assert.Empty(await _register.OutstandingAtAsync(_may2027));
        Assert.Equal(["Revisit the confidence strategy in 6 months' time"], await _register.OutstandingAtAsync(_jun2027));
    }

    [Fact]
    public async Task When_the_series_was_last_held_years_ago_the_revisit_still_counts_from_today_and_takes_this_years_reference()
    {
        await using (var db = await _database.CreateContextAsync())
        {
            await db.Meetings.Where(m => m.Id == _oct2026).ExecuteDeleteAsync();
        }

        var revisit = await ScheduleAsync("Revisit the confidence strategy in 6 months' time");

        Assert.Equal(_jul2017, revisit.RaisedAt.Id);
        Assert.Equal("2026/01", revisit.Reference);
        Assert.Equal(new DateOnly(2027, 5, 29), revisit.DueDate);
        Assert.Equal(0, await OverdueCountAsync());
    }

    [Fact]
    public async Task A_revisit_to_the_next_meeting_scheduled_between_meetings_comes_to_the_first_meeting_after_today()
    {
        var revisit = await ScheduleAsync("Revisit the estates plan at the next meeting");

        Assert.Equal(_dec2026, revisit.DueMeeting!.Id);
        Assert.Equal(0, await OverdueCountAsync());
    }

    [Fact]
    public async Task A_revisit_with_no_when_needs_the_meeting_chosen_and_then_comes_to_it()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => ScheduleAsync("Revisit the estates plan"));
        Assert.Contains("choose the meeting", ex.Message, StringComparison.Ordinal);

        var revisit = await ScheduleAsync("Revisit the estates plan", _may2027);

        Assert.Equal(_may2027, revisit.DueMeeting!.Id);
        Assert.Equal(DueKind.Meeting, revisit.DueKind);
    }

    [Fact]
    public async Task A_meeting_chosen_for_a_revisit_must_be_after_today()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => ScheduleAsync("Revisit the estates plan", _oct2026));
        Assert.Contains("must be after", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await Actions.RevisitsAsync());
    }

    [Fact]
    public async Task Quick_entry_in_a_meeting_that_says_revisit_makes_a_revisit_counted_from_the_meeting_and_listed_with_the_revisits()
    {
        var preview = await Actions.PreviewAsync(_oct2026, "PCC/CC to revisit the custody review in 6 months' time");
        Assert.Equal(ActionKind.Revisit, preview.Kind);

        var raised = await Actions.RaiseAsync(preview.ToNewAction(_oct2026, preview.Owners, preview.DueMeeting?.Id, null), RegisterBuilder.Secretariat);

        Assert.Equal(ActionKind.Revisit, raised.Kind);
        Assert.Equal(["CC", "PCC"], raised.Owners);
        Assert.Equal(new DateOnly(2027, 4, 27), raised.DueDate);
        Assert.Equal(_may2027, raised.DueMeeting!.Id);
        Assert.Equal("2026/01", raised.Reference);
        Assert.Contains(await Actions.RevisitsAsync(), r => r.Reference == raised.Reference);
    }

    [Fact]
    public async Task Quick_entry_without_the_word_revisit_stays_an_ordinary_action()
    {
        var preview = await Actions.PreviewAsync(_oct2026, "ACC to bring back a timeline in 3 months");
        var raised = await Actions.RaiseAsync(preview.ToNewAction(_oct2026, preview.Owners, preview.DueMeeting?.Id, null), RegisterBuilder.Secretariat);

        Assert.Equal(ActionKind.Action, raised.Kind);
        Assert.Empty(await Actions.RevisitsAsync());
    }
}
