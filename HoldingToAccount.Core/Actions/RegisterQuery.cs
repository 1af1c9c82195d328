using System.Linq.Expressions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Actions;

/// <summary>The register's columns that can be sorted on the server.</summary>
public enum RegisterSort { Reference, Raised, Due, TimesCarried, Status }

/// <summary>
/// What the register page asks for: filters (all optional, combined with "and"), a sort and a page.
/// <see cref="MinTimesCarried"/> keeps actions carried at least that many times; <see cref="OverdueOnly"/> keeps open
/// actions whose due point has passed. <see cref="ChangedSinceUtc"/> keeps actions whose history gained an entry (an update,
/// a decision, a correction) at or after that instant.
/// <see cref="AtMeetingId"/> keeps the actions brought forward to that meeting
/// (<see cref="CarryForward.OutstandingAt"/>), and then "times carried" counts as it stood at that meeting;
/// <see cref="ClosedAtMeetingId"/> keeps the actions closed there (<see cref="ActionItem.ClosedAt"/>).
/// <see cref="EscalatedOnly"/> keeps actions ever escalated for slipping (<see cref="Reminders.Chasing.Escalation"/>).
/// <see cref="Reader"/>: who reads the register, for <see cref="Publishing.Restriction"/> (null: the product itself, which reads everything).
/// </summary>
public sealed record RegisterQuery(
    string? Owner = null,
    ActionStatus? Status = null,
    int? SeriesId = null,
    DateOnly? RaisedFrom = null,
    DateOnly? RaisedTo = null,
    int? DueMeetingId = null,
    string? Text = null,
    int? MinTimesCarried = null,
    bool OverdueOnly = false,
    bool OpenOnly = false,
    ActionKind? Kind = null,
    RegisterSort Sort = RegisterSort.Reference,
    bool Descending = true,
    DateTime? ChangedSinceUtc = null,
    int? AtMeetingId = null,
    int? ClosedAtMeetingId = null,
    bool EscalatedOnly = false,
    Access.Actor? Reader = null);

/// <summary>Open actions per owner role, as the home page counts them.</summary>
public sealed record OwnerCounts(string Owner, int Outstanding, int Overdue, int CarriedTwiceOrMore);
