using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Actions;

/// <summary>
/// What the chair and secretariat decide about an action: carry it to a named meeting, defer it to the next one,
/// re-date it, cancel it, or give it to other owners. Each needs a reason, which is kept as a dated update, and each
/// is refused if the action changed since the caller read it.
/// </summary>
public sealed partial class ActionService
{
    public const int MaxReasonLength = InputLimits.Reason;

    /// <summary>Brings the action to a named later meeting of its series. <paramref name="atMeetingId"/>: where it was decided.</summary>
    public async Task CarryAsync(string reference, int expectedVersion, int toMeetingId, string reason, Actor actor, int? atMeetingId = null, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct, async (db, action) =>
        {
            ActionPermissions.Demand(actor, Permission.RunMeetings, "carry an action to another meeting");
            var why = Reason(reason, "carrying the action");
            EnsureOpen(action);
            var target = await LaterMeetingAsync(db, action, toMeetingId, ct);
            SetDueMeeting(action, target);
            AppendUpdate(action, $"Carried to {target.Title} ({London.ShortDate(target.Date)}). {why}", actor.Name,
                London.Today(clock), atMeetingId, null, Decision.Carried);
        });

    /// <summary>Brings the action to the first meeting of its series after <paramref name="afterMeetingId"/> (or after today).
    /// While that meeting is not yet planned, the action is due the day after and binds to it once it is.</summary>
    public async Task DeferAsync(string reference, int expectedVersion, int? afterMeetingId, string reason, Actor actor, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct, async (db, action) =>
        {
            ActionPermissions.Demand(actor, Permission.RunMeetings, "defer an action");
            var why = Reason(reason, "deferring the action");
            EnsureOpen(action);
            var after = London.Today(clock);
            if (afterMeetingId is { } id)
                after = (await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new DomainException($"There is no meeting {id}.")).Date;
            var raisedOn = await db.Meetings.Where(m => m.Id == action.RaisedAtMeetingId).Select(m => m.Date).SingleAsync(ct);
            if (after < raisedOn)
                after = raisedOn;
            var next = await db.Meetings
                .Where(m => m.SeriesId == action.SeriesId && m.Status != MeetingStatus.Cancelled && m.Date > after)
                .OrderBy(m => m.Date).ThenBy(m => m.StartTime).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                action.DueKind = DueKind.Date;
                action.DueMeetingId = null;
                action.DueDate = after.AddDays(1);
                action.DuePhrase = "next meeting";
                AppendUpdate(action, $"Deferred to the next meeting (not yet planned). {why}", actor.Name, London.Today(clock), afterMeetingId, null, Decision.Deferred);
                return;
            }
            SetDueMeeting(action, next);
            action.DuePhrase = "next meeting";
            AppendUpdate(action, $"Deferred to the next meeting, {next.Title} ({London.ShortDate(next.Date)}). {why}", actor.Name,
                London.Today(clock), afterMeetingId, null, Decision.Deferred);
        });

    /// <summary>Gives the action a new due date; it comes to the first meeting of its series on or after that date.</summary>
    public async Task RedateAsync(string reference, int expectedVersion, DateOnly due, string reason, Actor actor, int? atMeetingId = null, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct, async (db, action) =>
        {
            ActionPermissions.Demand(actor, Permission.RunMeetings, "re-date an action");
            var why = Reason(reason, "re-dating the action");
            EnsureOpen(action);
            var raisedOn = await db.Meetings.Where(m => m.Id == action.RaisedAtMeetingId).Select(m => m.Date).SingleAsync(ct);
            if (due <= raisedOn)
                throw new DomainException($"The new due date ({London.ShortDate(due)}) must be after the meeting that raised the action ({London.ShortDate(raisedOn)}).");
            action.DueKind = DueKind.Date;
            action.DueMeetingId = null;
            action.DueDate = due;
            action.DuePhrase = null;
            AppendUpdate(action, $"Re-dated to {London.ShortDate(due)}. {why}", actor.Name, London.Today(clock), atMeetingId, null, Decision.Redated);
        });

    /// <summary>Cancels the action: it is no longer pursued. Unlike closing, it was not completed.</summary>
    public async Task CancelAsync(string reference, int expectedVersion, string reason, Actor actor, int? atMeetingId = null, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct, async (db, action) =>
        {
            ActionPermissions.Demand(actor, Permission.RunMeetings, "cancel an action");
            var why = Reason(reason, "cancelling the action");
            EnsureOpen(action);
            var meeting = atMeetingId is { } id
                ? await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new DomainException($"There is no meeting {id}.")
                : null;
            action.Cancel(meeting?.Date ?? London.Today(clock), meeting?.Id, $"Cancelled. {why}", actor.Name, clock.GetUtcNow().UtcDateTime);
        });

    /// <summary>Opens a closed or cancelled action again, with the reason in its history.</summary>
    public async Task ReopenAsync(string reference, int expectedVersion, string reason, Actor actor, int? atMeetingId = null, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct, async (db, action) =>
        {
            ActionPermissions.Demand(actor, Permission.RunMeetings, "reopen an action");
            var why = Reason(reason, "reopening the action");
            var meeting = atMeetingId is { } id
                ? await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new DomainException($"There is no meeting {id}.")
                : null;
            action.Reopen(meeting?.Date ?? London.Today(clock), meeting?.Id, $"Reopened. {why}", actor.Name, clock.GetUtcNow().UtcDateTime);
        });

    /// <summary>How long after a decision its maker can take it back with <see cref="UndoAsync"/>.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromSeconds(10);

    /// <summary>Takes back the action's latest decision, made by the same person within <see cref="UndoWindow"/>.</summary>
    public Task UndoAsync(string reference, int expectedVersion, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(reference, expectedVersion, actor, ct, (_, _) => throw new DomainException("Undo is not available yet."));

    /// <summary>Corrects the action's wording, owners or due point (null: unchanged), with the reason in its history.</summary>
    public Task CorrectAsync(string reference, int expectedVersion, CorrectedFields correction, string reason, Actor actor, CancellationToken ct = default) =>
        ChangeAsync(reference, expectedVersion, actor, ct, (_, _) => throw new DomainException("Corrections are not available yet."));

    /// <summary>Gives the action to other owner roles.</summary>
    public async Task ReassignAsync(string reference, int expectedVersion, IReadOnlyList<string> ownerCodes, string reason, Actor actor, int? atMeetingId = null, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct, async (db, action) =>
        {
            ActionPermissions.Demand(actor, Permission.RunMeetings, "reassign an action");
            var why = Reason(reason, "reassigning the action");
            EnsureOpen(action);
            var owners = await ResolveOwnersAsync(db, ownerCodes, ct);
            var before = string.Join("/", action.Owners.Select(o => o.Code).Order(StringComparer.Ordinal));
            var after = string.Join("/", owners.Select(o => o.Code).Order(StringComparer.Ordinal));
            if (before == after)
                throw new DomainException($"Action {action.Reference} is already owned by {after}.");
            action.Owners.Clear();
            action.Owners.AddRange(owners);
            AppendUpdate(action, $"Reassigned from {before} to {after}. {why}", actor.Name, London.Today(clock), atMeetingId, null, Decision.Reassigned);
        });

    /// <summary>Whether the actor may post an update on the action (the pages hide the form otherwise; the rule is enforced on posting).</summary>
    public async Task<bool> CanUpdateAsync(string reference, Actor actor, CancellationToken ct = default)
    {
        if (!ActionReference.TryParse(reference, out var year, out var sequence))
            return false;
        await using var db = await factory.CreateDbContextAsync(ct);
        var id = await db.Actions.Where(a => a.Year == year && a.Sequence == sequence).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        return id is { } actionId && await ActionPermissions.CanUpdateAsync(db, actor, actionId, London.Today(clock), ct);
    }

    /// <summary>The planned meetings of the action's series it could be carried to: after the meeting that raised it, not cancelled or held.</summary>
    public async Task<IReadOnlyList<MeetingRef>> CarryTargetsAsync(string reference, CancellationToken ct = default)
    {
        if (!ActionReference.TryParse(reference, out var year, out var sequence))
            return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var action = await db.Actions.Where(a => a.Year == year && a.Sequence == sequence)
            .Select(a => new { a.SeriesId, Raised = a.RaisedAtMeeting.Date }).SingleOrDefaultAsync(ct);
        if (action is null)
            return [];
        var from = London.Today(clock) > action.Raised ? London.Today(clock) : action.Raised.AddDays(1);
        return await PlannedMeetingsAsync(db, action.SeriesId, from, ct);
    }

    /// <summary>The planned meetings of the series an action raised at <paramref name="meetingId"/> can be brought to: those after it.</summary>
    public async Task<IReadOnlyList<MeetingRef>> DueTargetsAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.Where(m => m.Id == meetingId).Select(m => new { m.SeriesId, m.Date }).SingleOrDefaultAsync(ct);
        return meeting is null ? [] : await PlannedMeetingsAsync(db, meeting.SeriesId, meeting.Date.AddDays(1), ct);
    }

    private static async Task<List<MeetingRef>> PlannedMeetingsAsync(AppDbContext db, int seriesId, DateOnly from, CancellationToken ct) =>
        await db.Meetings
            .Where(m => m.SeriesId == seriesId && m.Status == MeetingStatus.Planned && m.Date >= from)
            .OrderBy(m => m.Date).Take(24)
            .Select(m => new MeetingRef(m.Id, m.Title, m.Date)).ToListAsync(ct);

    private static async Task<Meeting> LaterMeetingAsync(AppDbContext db, ActionItem action, int meetingId, CancellationToken ct)
    {
        var target = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new DomainException($"There is no meeting {meetingId} to carry the action to.");
        var raisedOn = await db.Meetings.Where(m => m.Id == action.RaisedAtMeetingId).Select(m => m.Date).SingleAsync(ct);
        if (target.SeriesId != action.SeriesId)
            throw new DomainException("An action is carried to a later meeting of the same series.");
        if (target.Status != MeetingStatus.Planned)
            throw new DomainException($"{target.Title} is {target.Status.ToString().ToLowerInvariant()}; carry the action to a planned meeting.");
        if (target.Date <= raisedOn)
            throw new DomainException($"{target.Title} is not after the meeting that raised the action ({London.ShortDate(raisedOn)}).");
        return target;
    }

    private static void SetDueMeeting(ActionItem action, Meeting meeting)
    {
        action.DueKind = DueKind.Meeting;
        action.DueMeetingId = meeting.Id;
        action.DueDate = null;
        action.DuePhrase = null;
    }

    private static void EnsureOpen(ActionItem action)
    {
        if (!action.IsOpen)
            throw new DomainException($"Action {action.Reference} is already {action.Status.ToString().ToLowerInvariant()}.");
    }

    private static string Reason(string? reason, string doing)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainException($"Give a reason for {doing}; it is kept in the action's history.");
        if (text.Length > MaxReasonLength)
            throw new DomainException($"A reason can be at most {MaxReasonLength} characters.");
        return text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
    }
}
