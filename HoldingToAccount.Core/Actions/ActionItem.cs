using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;

namespace HoldingToAccount.Core.Actions;

public enum ActionKind { Action, Revisit }

public enum ActionStatus { Open, UpdateProvided, ProposedComplete, Closed, Cancelled }

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
    public int? ClosedAtMeetingId { get; set; }
    public Meeting? ClosedAtMeeting { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int Version { get; set; }
    public List<ActionUpdate> Updates { get; set; } = [];

    public string Reference => ActionReference.Format(Year, Sequence);
    public bool IsFinished => Status is ActionStatus.Closed or ActionStatus.Cancelled;
}
