using System.Linq.Expressions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;

namespace HoldingToAccount.Core.Actions;

public enum ActionKind { Action, Revisit }

public enum ActionStatus { Open, UpdateProvided, ProposedComplete, Closed, Cancelled }

public static class ActionStatuses
{
    /// <summary>An action is open until it is closed or cancelled: Open, UpdateProvided and ProposedComplete are open.</summary>
    public static readonly Expression<Func<ActionStatus, bool>> OpenRule = s => s != ActionStatus.Closed && s != ActionStatus.Cancelled;

    private static readonly Func<ActionStatus, bool> _isOpen = OpenRule.Compile();

    public static bool IsOpen(this ActionStatus status) => _isOpen(status);
}

/// <summary>How the due point is held. Meetings are referenced by id so a rescheduled meeting keeps its actions;
/// a date binds to the first meeting of the series on or after it, whenever that meeting is planned.</summary>
public enum DueKind { Meeting, Date, NextMeeting, None }

public class ActionItem
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string Text { get; set; }
    public ActionKind Kind { get; set; }
    public int SeriesId { get; set; }
    public int RaisedAtMeetingId { get; set; }
    public Meeting RaisedAtMeeting { get; set; } = null!;
    public int? RaisedAtAgendaItemId { get; set; }
    public AgendaItem? RaisedAtAgendaItem { get; set; }
    public List<Role> Owners { get; set; } = [];

    public DueKind DueKind { get; set; }
    public int? DueMeetingId { get; set; }
    public Meeting? DueMeeting { get; set; }
    public DateOnly? DueDate { get; set; }

    /// <summary>The wording the due point came from, kept as written.</summary>
    public string? DuePhrase { get; set; }

    public ActionStatus Status { get; set; }

    /// <summary>Left out of the public notes and the public action log (operationally sensitive).</summary>
    public bool Restricted { get; set; }
    public int? ClosedAtMeetingId { get; set; }
    public Meeting? ClosedAtMeeting { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int Version { get; set; }
    public List<ActionUpdate> Updates { get; set; } = [];

    /// <summary>The action's state over time, oldest first (only the periods loaded, for an action read back).</summary>
    public List<ActionPeriod> Periods { get; set; } = [];

    public string Reference => ActionReference.Format(Year, Sequence);

    /// <summary><see cref="ActionStatuses.OpenRule"/> on an action, for database queries: <c>db.Actions.Where(ActionItem.Open)</c>.</summary>
    public static readonly Expression<Func<ActionItem, bool>> Open = OpenOf();

    public bool IsOpen => Status.IsOpen();

    /// <summary>Closed (not cancelled) at the meeting, for database queries.</summary>
    public static Expression<Func<ActionItem, bool>> ClosedAt(int meetingId) =>
        a => a.Status == ActionStatus.Closed && a.ClosedAtMeetingId == meetingId;

    /// <summary>Starts the action's history with its state as raised. Every way of creating an action calls it once the
    /// wording, owners and due point are set; saving a new action without it is refused.</summary>
    public void BeginHistory(DateOnly raisedOn, string by, DateTime recordedAtUtc)
    {
        if (Periods.Count > 0)
            throw new InvalidOperationException($"Action {Reference} already has its history.");
        RecordState(raisedOn, Decision.None, by, recordedAtUtc);
    }

    /// <summary>Appends the action's state as it is now to its history, in force from <paramref name="from"/> (or from the
    /// latest period's start, if that is later: a period never starts before the one it follows).</summary>
    public ActionPeriod RecordState(DateOnly from, Decision decision, string by, DateTime recordedAtUtc)
    {
        var latest = Periods.Count == 0 ? null : Periods[^1];
        var period = new ActionPeriod
        {
            From = latest is not null && latest.From > from ? latest.From : from,
            RecordedAtUtc = recordedAtUtc,
            RecordedBy = by,
            Decision = decision,
            Text = Text,
            Owners = string.Join(ActionPeriod.OwnerSeparator, Owners.Select(o => o.Code).Order(StringComparer.Ordinal)),
            DueKind = DueKind,
            DueDate = DueDate,
            DuePhrase = DuePhrase,
            Status = Status,
            ClosedAtMeetingId = ClosedAtMeetingId is > 0 ? ClosedAtMeetingId : ClosedAtMeeting?.Id,
            ClosedOn = ClosedOn,
        };
        // A meeting not yet saved (demo data, imports) has no id yet: the period points at it as the action does.
        if (DueMeetingId is > 0)
            period.DueMeetingId = DueMeetingId;
        else if (DueMeeting is not null)
            period.DueMeeting = DueMeeting;
        Periods.Add(period);
        return period;
    }

    /// <summary>Puts the action back as it stood in <paramref name="period"/>: wording, owners, due point and status.</summary>
    public void Restore(ActionPeriod period, IReadOnlyList<Role> owners)
    {
        Text = period.Text;
        Owners.Clear();
        Owners.AddRange(owners);
        DueKind = period.DueKind;
        DueMeeting = null;
        DueMeetingId = period.DueMeetingId;
        DueDate = period.DueDate;
        DuePhrase = period.DuePhrase;
        Status = period.Status;
        ClosedAtMeeting = null;
        ClosedAtMeetingId = period.ClosedAtMeetingId;
        ClosedOn = period.ClosedOn;
    }

    /// <summary>Closes the action on <paramref name="on"/>, at meeting <paramref name="atMeetingId"/> when it was closed in one, and
    /// records <paramref name="note"/> in its history.</summary>
    public void Close(DateOnly on, int? atMeetingId, string note, string author, DateTime recordedAtUtc) =>
        Finish(ActionStatus.Closed, on, atMeetingId, note, author, recordedAtUtc);

    /// <summary>Cancels the action: no longer pursued, and unlike closing, not completed.</summary>
    public void Cancel(DateOnly on, int? atMeetingId, string note, string author, DateTime recordedAtUtc) =>
        Finish(ActionStatus.Cancelled, on, atMeetingId, note, author, recordedAtUtc);

    /// <summary>Undoes a close or a cancel: the action is open again, and its history says why.</summary>
    public void Reopen(DateOnly on, int? atMeetingId, string note, string author, DateTime recordedAtUtc)
    {
        if (IsOpen)
            throw new DomainException($"Action {Reference} is not closed or cancelled, so there is nothing to reopen.");
        Status = ActionStatus.Open;
        ClosedAtMeeting = null;
        ClosedAtMeetingId = null;
        ClosedOn = null;
        Record(on, atMeetingId, note, author, recordedAtUtc, ActionStatus.Open, Decision.Reopened);
        RecordState(on, Decision.Reopened, author, recordedAtUtc);
    }

    private void Finish(ActionStatus status, DateOnly on, int? atMeetingId, string note, string author, DateTime recordedAtUtc)
    {
        if (!IsOpen)
            throw new DomainException($"Action {Reference} is already {Status.ToString().ToLowerInvariant()}.");
        Status = status;
        ClosedAtMeetingId = atMeetingId;
        ClosedOn = on;
        var decision = status == ActionStatus.Closed ? Decision.Closed : Decision.Cancelled;
        Record(on, atMeetingId, note, author, recordedAtUtc, status, decision);
        RecordState(on, decision, author, recordedAtUtc);
    }

    private void Record(DateOnly on, int? atMeetingId, string note, string author, DateTime recordedAtUtc, ActionStatus status, Decision decision) =>
        Updates.Add(new ActionUpdate
        {
            Date = on,
            RecordedAtUtc = recordedAtUtc,
            Text = note,
            Author = author,
            MeetingId = atMeetingId,
            NewStatus = status,
            Decision = decision,
        });

    private static Expression<Func<ActionItem, bool>> OpenOf()
    {
        var action = Expression.Parameter(typeof(ActionItem), "a");
        var body = new ReplaceParameter(ActionStatuses.OpenRule.Parameters[0], Expression.Property(action, nameof(Status)))
            .Visit(ActionStatuses.OpenRule.Body);
        return Expression.Lambda<Func<ActionItem, bool>>(body, action);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
