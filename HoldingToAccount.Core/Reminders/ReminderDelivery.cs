namespace HoldingToAccount.Core.Reminders;

public enum ReminderKind
{
    /// <summary>Before a meeting: the actions a person owns that are due at it.</summary>
    MeetingDigest,

    /// <summary>The morning a date-based action falls due.</summary>
    DueDate,

    /// <summary>A date-based action still open some days after its due date.</summary>
    Overdue,

    /// <summary>Weekly, to the secretariat: every overdue action.</summary>
    OverdueSummary,

    /// <summary>After a meeting is held: the actions it gave each owner.</summary>
    ActionsArising,

    /// <summary>Before a meeting that asks for written responses to its questions: to the CC holder, 2 working days ahead.</summary>
    WrittenResponses,

    /// <summary>Sent now by the secretariat: an owner is asked for an update on an action due at a meeting.</summary>
    Chase,

    /// <summary>To the holder's line and the secretariat: an action has slipped past an escalation threshold.</summary>
    Escalation,

    /// <summary>To the sender of an e-mailed reply: what was recorded from it, or why nothing was.</summary>
    ReplyReceipt,
}

public enum ReminderStatus { Planned, Sent, Failed, Skipped }

/// <summary>
/// One reminder to one recipient: about a meeting or an action, of one kind, planned for one day. The unique key
/// (recipient, kind, subject, planned date) is what lets the sweep and the send job run any number of times and the
/// reminder still go once.
/// </summary>
public class ReminderDelivery : Audit.INotAudited
{
    public int Id { get; set; }
    public ReminderKind Kind { get; set; }

    /// <summary>The address, lower-cased: the recipient part of the unique key.</summary>
    public required string Recipient { get; set; }
    public required string RecipientName { get; set; }

    /// <summary>The person written to; null for the secretariat's shared address.</summary>
    public int? PersonId { get; set; }

    /// <summary>"meeting:12", "action:34" or "overdue": the subject part of the unique key.</summary>
    public required string SubjectKey { get; set; }
    public int? MeetingId { get; set; }
    public int? ActionItemId { get; set; }

    /// <summary>The London day the reminder is for; the recipient is whoever held the role that day.</summary>
    public DateOnly PlannedFor { get; set; }

    /// <summary>The roles the recipient is written to about, space-separated ("CC DCC").</summary>
    public string RoleCodes { get; set; } = "";

    /// <summary>Of those, the ones that were vacant that day (the secretariat is written to in their place).</summary>
    public string VacantRoleCodes { get; set; } = "";

    public ReminderStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>While set and in the future, one sender holds the row; a crashed sender's claim runs out.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? LastAttemptUtc { get; set; }

    /// <summary>Why it failed or was skipped, or the last transient error while it is still planned.</summary>
    public string? Reason { get; set; }
    public string? Subject { get; set; }
    public string? MessageId { get; set; }

    /// <summary>The secretariat's own words added to a chase, or the reason an escalation was sent.</summary>
    public string? Note { get; set; }

    /// <summary>Who asked for a chase to be sent now; null for reminders the sweep plans.</summary>
    public string? RequestedBy { get; set; }

    /// <summary>
    /// The signed token a reply to this message carries back (in its reply address and footer), so a reply can be
    /// matched to the delivery and its recipient without trusting the sender's address alone.
    /// </summary>
    public string? ReplyToken { get; set; }

    public IReadOnlyList<string> Roles => Split(RoleCodes);
    public IReadOnlyList<string> VacantRoles => Split(VacantRoleCodes);

    public static string SubjectOfMeeting(int meetingId) => $"meeting:{meetingId}";
    public static string SubjectOfAction(int actionId) => $"action:{actionId}";
    public const string SubjectOverdue = "overdue";

    private static string[] Split(string codes) => codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>The sweep's own record: when it last ran, so a missed sweep can be caught up and reported.</summary>
public class ReminderSweepState : Audit.INotAudited
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public DateTime LastRunUtc { get; set; }
    public DateTime LastAsOfUtc { get; set; }
    public int LastCreated { get; set; }
}
