using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Actions;

/// <summary>
/// Putting an action right: undoing a decision just taken, and the secretariat's corrections of its wording, owners
/// and due point. Both work from the action's history (<see cref="ActionPeriod"/>), are versioned and audited, and
/// leave a dated entry saying what changed and why.
/// </summary>
public sealed partial class ActionService
{
    /// <summary>How long after a decision the person who took it can undo it (<see cref="UndoAsync"/>).</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromSeconds(10);

    /// <summary>Undoes the action's latest decision (close, cancel, carry, defer, re-date, reassign, reopen, correction)
    /// if <paramref name="actor"/> took it within <see cref="UndoWindow"/>: the action is exactly as it was before.</summary>
    public async Task UndoAsync(string reference, int expectedVersion, Actor actor, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct, async (db, action) =>
        {
            var latest = action.Periods.Count == 0 ? null : action.Periods[^1];
            if (latest is null || !IsUndoable(latest.Decision))
                throw new DomainException($"There is nothing to undo on action {action.Reference}: its latest change was not a decision.");
            if (!string.Equals(latest.RecordedBy, actor.Name, StringComparison.Ordinal))
                throw new DomainException($"Only {latest.RecordedBy}, who took the latest decision on action {action.Reference}, can undo it; reopen or correct the action instead.");
            if (clock.GetUtcNow().UtcDateTime - latest.RecordedAtUtc > UndoWindow)
                throw new DomainException("Too late to undo; reopen or correct the action instead.");
            var previous = await db.ActionPeriods.AsNoTracking()
                .Where(p => p.ActionItemId == action.Id && p.Id < latest.Id)
                .OrderByDescending(p => p.Id).FirstAsync(ct);
            var what = await DecisionWordsAsync(db, latest, ct);
            var undone = await db.ActionUpdates.Where(u => u.ActionItemId == action.Id)
                .OrderByDescending(u => u.Id).Select(u => new { u.MeetingId, u.Date }).FirstAsync(ct);
            var statusBefore = action.Status;

            action.Restore(previous, await ResolveOwnersAsync(db, previous.OwnerCodes, ct));
            // In force from when the undone decision was, so the history reads as if it had not been taken.
            action.RecordState(latest.From, Decision.Undone, actor.Name, clock.GetUtcNow().UtcDateTime);
            // Dated no earlier than the entry it undoes (a decision at a meeting is dated that day), so it reads as the latest.
            var today = London.Today(clock);
            AppendUpdate(action, $"Undone: {what}.", actor.Name, undone.Date > today ? undone.Date : today, undone.MeetingId,
                action.Status != statusBefore ? action.Status : null, Decision.Undone);
        });

    /// <summary>
    /// The secretariat corrects the action's wording, owners or due point (null: unchanged), giving a reason. A corrected
    /// due point is the action's due point from now on; it is not a carry, and the meetings already passed keep theirs.
    /// </summary>
    public async Task CorrectAsync(string reference, int expectedVersion, CorrectedFields correction, string reason, Actor actor, CancellationToken ct = default) =>
        await ChangeAsync(reference, expectedVersion, actor, ct, async (db, action) =>
        {
            ActionPermissions.Demand(actor, Permission.Administer, "correct an action");
            var why = Reason(reason, "the correction");
            var changes = new List<string>();

            if (correction.Text is not null)
            {
                var text = correction.Text.Trim();
                if (text.Length == 0)
                    throw new DomainException("Write what the action is.");
                if (text.Length > MaxTextLength)
                    throw new DomainException($"An action can be at most {MaxTextLength} characters.");
                if (text != action.Text)
                {
                    changes.Add($"Corrected the wording from “{action.Text}” to “{text}”.");
                    action.Text = text;
                }
            }

            if (correction.OwnerCodes is not null)
            {
                var owners = await ResolveOwnersAsync(db, correction.OwnerCodes, ct);
                var before = OwnerList(action.Owners.Select(o => o.Code));
                var after = OwnerList(owners.Select(o => o.Code));
                if (before != after)
                {
                    changes.Add($"Corrected the owners from {before} to {after}.");
                    action.Owners.Clear();
                    action.Owners.AddRange(owners);
                }
            }

            if (correction.DuePhrase is not null || correction.DueMeetingId is not null)
            {
                var before = await DueWordsAsync(db, action.DueKind, action.DueMeetingId, action.DueDate, action.DuePhrase, ct);
                var raisedAt = await db.Meetings.SingleAsync(m => m.Id == action.RaisedAtMeetingId, ct);
                var phrase = string.IsNullOrWhiteSpace(correction.DuePhrase) ? null : correction.DuePhrase.Trim();
                if (phrase?.Length > InputLimits.DuePhrase)
                    throw new DomainException($"A due phrase can be at most {InputLimits.DuePhrase} characters.");
                if (phrase is null && correction.DueMeetingId is null)
                    throw new DomainException("Say when the action is due (for example \"to the March meeting\"), or choose the meeting.");
                var parsed = await SetDueAsync(db, action, raisedAt, raisedAt.Date, phrase, correction.DueMeetingId, ct);
                if (parsed is { NeedsDuePoint: true })
                    throw new DomainException($"“{phrase}” does not say when; write it like \"to the March meeting\" or \"in 3 months\", or choose the meeting.");
                var after = await DueWordsAsync(db, action.DueKind, action.DueMeetingId, action.DueDate, action.DuePhrase, ct);
                if (before != after)
                    changes.Add($"Corrected the due point from {before} to {after}.");
            }

            if (changes.Count == 0)
                throw new DomainException($"The correction leaves action {action.Reference} as it is; change its wording, owners or due point.");
            Decided(action, Decision.Corrected, actor);
            AppendUpdate(action, $"{string.Join(" ", changes)} {why}", actor.Name, London.Today(clock), null, null, Decision.Corrected);
        });

    private static bool IsUndoable(Decision decision) => decision is Decision.Closed or Decision.Cancelled or Decision.Carried
        or Decision.Deferred or Decision.Redated or Decision.Reassigned or Decision.Reopened or Decision.Corrected;

    private static string OwnerList(IEnumerable<string> codes) => string.Join(", ", codes.Order(StringComparer.Ordinal));

    /// <summary>What a decision did, as the "Undone: …" entry says it: "carried to Monthly Assurance Meeting April 2017".</summary>
    private static async Task<string> DecisionWordsAsync(AppDbContext db, ActionPeriod decided, CancellationToken ct) => decided.Decision switch
    {
        Decision.Closed => "closed",
        Decision.Cancelled => "cancelled",
        Decision.Carried => $"carried to {await DueWordsAsync(db, decided.DueKind, decided.DueMeetingId, decided.DueDate, null, ct)}",
        Decision.Deferred => $"deferred to {await DueWordsAsync(db, decided.DueKind, decided.DueMeetingId, decided.DueDate, null, ct)}",
        Decision.Redated => $"re-dated to {await DueWordsAsync(db, decided.DueKind, decided.DueMeetingId, decided.DueDate, null, ct)}",
        Decision.Reassigned => $"reassigned to {OwnerList(decided.OwnerCodes)}",
        Decision.Reopened => "reopened",
        _ => "corrected",
    };

    private static async Task<string> DueWordsAsync(AppDbContext db, DueKind kind, int? meetingId, DateOnly? date, string? phrase, CancellationToken ct)
    {
        var point = "no due point";
        if (kind == DueKind.Meeting && meetingId is { } id)
        {
            var meeting = await db.Meetings.Where(m => m.Id == id).Select(m => new { m.Title, m.Date }).SingleAsync(ct);
            point = $"{meeting.Title} ({London.ShortDate(meeting.Date)})";
        }
        else if (kind == DueKind.Date && date is { } day)
        {
            point = London.ShortDate(day);
        }
        else if (kind == DueKind.NextMeeting)
        {
            point = "the next meeting";
        }
        return phrase is null ? point : $"{point} (“{phrase}”)";
    }
}
