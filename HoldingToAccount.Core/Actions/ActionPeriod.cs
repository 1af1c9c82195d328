using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Actions;

/// <summary>
/// The action as it stood from <see cref="From"/> until the next period: its wording, owners, due point and status.
/// Every change of state appends one (raising, decisions, corrections, reopening, undo), so the history answers
/// "was it due, and still open, at that meeting?" — which is what "times carried" counts — and undo can put back
/// exactly what was there. Append-only; periods are in <see cref="Id"/> order and their <see cref="From"/> never goes back.
/// </summary>
public class ActionPeriod : INotAudited
{
    public int Id { get; set; }
    public int ActionItemId { get; set; }

    /// <summary>The day this state took effect. A decision taken at a meeting takes effect on the meeting's day, so the
    /// meeting is judged by the state before it.</summary>
    public DateOnly From { get; set; }

    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedBy { get; set; }

    /// <summary>What brought this state about (<see cref="Decision.None"/> when the action was raised or an update moved its status).</summary>
    public Decision Decision { get; set; }

    public required string Text { get; set; }

    /// <summary>The owner role codes, "/"-separated in code order ("CC/DCC").</summary>
    public required string Owners { get; set; }

    public DueKind DueKind { get; set; }
    public int? DueMeetingId { get; set; }
    public Meeting? DueMeeting { get; set; }
    public DateOnly? DueDate { get; set; }
    public string? DuePhrase { get; set; }
    public ActionStatus Status { get; set; }
    public int? ClosedAtMeetingId { get; set; }
    public DateOnly? ClosedOn { get; set; }

    public const char OwnerSeparator = '/';

    public IReadOnlyList<string> OwnerCodes => Owners.Split(OwnerSeparator, StringSplitOptions.RemoveEmptyEntries);
}
