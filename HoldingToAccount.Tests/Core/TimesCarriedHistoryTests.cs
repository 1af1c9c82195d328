using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

/// <summary>
/// "Times carried" is history: over random runs of meetings and decisions (carry, defer, re-date, close, cancel,
/// reassign, reopen, updates and undo) it equals a plain count, kept beside the
/// register, of the held meetings at which each action was due and left open — and it never goes down, except when a
/// decision is undone.
/// </summary>
[Needs(Need.Database)]
public sealed class TimesCarriedHistoryTests : IAsyncLifetime
{
    private static readonly Actor Chair = new("John Campion", AccessLevel.Chair);
    private static readonly DateOnly FirstMeeting = new(2017, 1, 10);
    private const int MeetingCount = 30;

    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;
    private readonly List<(int Id, DateOnly Date)> _meetings = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 1, 2, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        for (var i = 0; i < MeetingCount; i++)
        {
            var date = FirstMeeting.AddDays(21 * i);
            _meetings.Add((await _register.MeetingAsync(date, MeetingStatus.Planned), date));
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();

    [Theory]
    [InlineData(13)]
    [InlineData(2027)]
    public async Task Times_carried_counts_the_held_meetings_an_action_was_due_at_and_left_open_and_never_goes_down(int seed)
    {
        var random = new Random(seed);
        var model = new List<ModelAction>();
        var today = FirstMeeting.AddDays(-1);
        var meetingToday = -1; // index of today's meeting, or -1 between meetings
        var nextMeeting = 0;

        for (var step = 0; step < 320 && nextMeeting < MeetingCount - 4; step++)
        {
            var roll = random.NextDouble();
            var undone = false;
            if (roll < 0.14 || model.Count == 0)
            {
                if (meetingToday >= 0)
                    await HoldAsync(meetingToday, model);
                (today, meetingToday, nextMeeting) = await AdvanceAsync(random, today, nextMeeting, model);
                if (meetingToday >= 0 && (model.Count < 4 || random.NextDouble() < 0.5))
                    model.Add(await RaiseAsync(random, meetingToday));
            }
            else
            {
                var action = model[random.Next(model.Count)];
                var decided = await DecideAsync(random, action, today, meetingToday, nextMeeting);
                if (decided && random.NextDouble() < 0.3)
                {
                    _db.Clock.Advance(TimeSpan.FromSeconds(3));
                    await Actions.UndoAsync(action.Reference, action.Version, Chair);
                    action.Undo();
                    undone = true;
                }
            }

            var rows = (await Actions.FindAsync(new ActionFilter(), take: 500)).Items.ToDictionary(r => r.Reference);
            foreach (var action in model)
            {
                var row = rows[action.Reference];
                Assert.True(action.Expected == row.TimesCarried,
                    $"Step {step}: {action.Reference} was due and left open at {action.Expected} held meetings, but the register says carried {row.TimesCarried}×.\n{action.Log}");
                Assert.Equal(action.Current.Status, row.Status);
                Assert.Equal(action.Version, row.Version);
                if (!undone)
                    Assert.True(row.TimesCarried >= action.LastSeen, $"Step {step}: {action.Reference} went from carried {action.LastSeen}× to {row.TimesCarried}×.\n{action.Log}");
                action.LastSeen = row.TimesCarried;
            }
        }

        Assert.Contains(model, a => a.Expected >= 3);
        Assert.Contains(model, a => a.Log.ToString().Contains("carry", StringComparison.Ordinal) && a.Expected > 0);
        Assert.Contains(model, a => a.Log.ToString().Contains("reopen", StringComparison.Ordinal));
    }

    private async Task<(DateOnly Today, int MeetingToday, int NextMeeting)> AdvanceAsync(
        Random random, DateOnly today, int nextMeeting, List<ModelAction> model)
    {
        var date = _meetings[nextMeeting].Date;
        if (random.NextDouble() < 0.35 && date.DayNumber - today.DayNumber > 2)
        {
            var between = today.AddDays(1 + random.Next(date.DayNumber - today.DayNumber - 1));
            _db.SetToday(between);
            return (between, -1, nextMeeting);
        }
        _db.SetToday(date);
        foreach (var action in model)
            action.DueAtStartOf[nextMeeting] = action.Current.Status.IsOpen() && action.Current.IsDueBy(date, action.RaisedOn);
        return (date, nextMeeting, nextMeeting + 1);
    }

    /// <summary>The meeting is marked held at the end of its day, its decisions taken: what is open then was left open at it.</summary>
    private async Task HoldAsync(int meetingIndex, List<ModelAction> model)
    {
        await _db.Get<MeetingService>().MarkHeldAsync(_meetings[meetingIndex].Id, 1, Chair);
        foreach (var action in model)
            action.LeftOpenAt[meetingIndex] = action.Current.Status.IsOpen();
    }

    private async Task<ModelAction> RaiseAsync(Random random, int meetingIndex)
    {
        var raisedOn = _meetings[meetingIndex].Date;
        var toNext = random.NextDouble() < 0.3;
        var due = meetingIndex + 1 + random.Next(3);
        var row = await _register.ActionAsync(_meetings[meetingIndex].Id, $"Action {Guid.NewGuid():N}",
            toNext ? "next meeting" : null, toNext ? null : _meetings[due].Id);
        var state = toNext ? new ModelState(ActionStatus.Open, DueKind.NextMeeting, null) : new ModelState(ActionStatus.Open, DueKind.Meeting, _meetings[due].Date);
        var action = new ModelAction(row.Reference, raisedOn, state) { Version = row.Version };
        action.Log.AppendLine($"raised {raisedOn} due {state}");
        return action;
    }

    /// <returns>Whether a decision was taken (so it can be undone).</returns>
    private async Task<bool> DecideAsync(Random random, ModelAction action, DateOnly today, int meetingToday, int nextMeeting)
    {
        _db.Clock.Advance(TimeSpan.FromSeconds(20));
        var at = meetingToday >= 0 ? _meetings[meetingToday].Id : (int?)null;
        var now = action.Current;
        if (!now.Status.IsOpen())
        {
            if (random.NextDouble() < 0.5)
                return false;
            await Actions.ReopenAsync(action.Reference, action.Version, "Closed in error", Chair, at);
            action.Decide(now with { Status = ActionStatus.Open });
            action.Log.AppendLine($"{today}: reopen");
            return true;
        }
        var roll = random.NextDouble();
        ModelState next;
        if (roll < 0.3)
        {
            var target = nextMeeting + random.Next(3);
            await Actions.CarryAsync(action.Reference, action.Version, _meetings[target].Id, "More time needed", Chair, at);
            next = now with { Kind = DueKind.Meeting, Due = _meetings[target].Date };
            action.Log.AppendLine($"{today}: carry to {next.Due}");
        }
        else if (roll < 0.45)
        {
            await Actions.DeferAsync(action.Reference, action.Version, at, "Not reached", Chair);
            var after = today < action.RaisedOn ? action.RaisedOn : today;
            next = now with { Kind = DueKind.Meeting, Due = _meetings.First(m => m.Date > after).Date };
            action.Log.AppendLine($"{today}: defer to {next.Due}");
        }
        else if (roll < 0.6)
        {
            var due = action.RaisedOn.AddDays(1 + random.Next(today.DayNumber - action.RaisedOn.DayNumber + 60));
            await Actions.RedateAsync(action.Reference, action.Version, due, "Contract slipped", Chair, at);
            next = now with { Kind = DueKind.Date, Due = due };
            action.Log.AppendLine($"{today}: re-date to {due}");
        }
        else if (roll < 0.72)
        {
            await Actions.CloseAsync(action.Reference, action.Version, at, "Update accepted", Chair);
            next = now with { Status = ActionStatus.Closed };
            action.Log.AppendLine($"{today}: close");
        }
        else if (roll < 0.78)
        {
            await Actions.CancelAsync(action.Reference, action.Version, "Superseded", Chair, at);
            next = now with { Status = ActionStatus.Cancelled };
            action.Log.AppendLine($"{today}: cancel");
        }
        else if (roll < 0.86)
        {
            next = now with { Owner = now.Owner == "ACC" ? "DCC" : "ACC" };
            await Actions.ReassignAsync(action.Reference, action.Version, [next.Owner], "Portfolio change", Chair, at);
            action.Log.AppendLine($"{today}: reassign");
        }
        else
        {
            await Actions.AddUpdateAsync(action.Reference, action.Version, "Work under way", null, Chair);
            action.Version++;
            action.Current = now with { Status = ActionStatus.UpdateProvided };
            action.Log.AppendLine($"{today}: update");
            return false;
        }
        action.Decide(next);
        return true;
    }

    private sealed record ModelState(ActionStatus Status, DueKind Kind, DateOnly? Due, string Owner = "CC")
    {
        public bool IsDueBy(DateOnly meeting, DateOnly raisedOn) => Kind switch
        {
            DueKind.NextMeeting => meeting > raisedOn,
            _ => meeting >= Due,
        };
    }

    private sealed class ModelAction(string reference, DateOnly raisedOn, ModelState state)
    {
        private ModelState? _before;

        public string Reference { get; } = reference;
        public DateOnly RaisedOn { get; } = raisedOn;
        public ModelState Current { get; set; } = state;
        public int Version { get; set; }
        public int LastSeen { get; set; }
        public Dictionary<int, bool> DueAtStartOf { get; } = [];
        public Dictionary<int, bool> LeftOpenAt { get; } = [];
        public System.Text.StringBuilder Log { get; } = new();

        public int Expected => DueAtStartOf.Count(m => m.Value && LeftOpenAt.GetValueOrDefault(m.Key));

        public void Decide(ModelState next)
        {
            _before = Current;
            Current = next;
            Version++;
        }

        public void Undo()
        {
            Current = _before!;
            Version++;
            Log.AppendLine("  undone");
        }
    }
}
