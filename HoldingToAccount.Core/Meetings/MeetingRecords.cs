using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Core.Meetings;

public sealed record MeetingSummary(
    int Id, int SeriesId, string SeriesName, string Title, DateOnly Date, TimeOnly StartTime,
    string? Venue, string? Chair, MeetingStatus Status, int Version);

public sealed record AttendeeRow(string Name, string? Capacity, Attendance Attendance);

public sealed record AgendaItemRow(int Id, string Section, string Number, string Title, string? Questions, string? Findings, bool Deferred, bool Restricted = false);

public sealed record AgendaSectionRow(string Number, string Title, IReadOnlyList<AgendaItemRow> Items);

public sealed record MeetingDetail(
    MeetingSummary Meeting,
    string? MinuteTaker,
    IReadOnlyList<AttendeeRow> Attendees,
    IReadOnlyList<AgendaSectionRow> Agenda,
    IReadOnlyList<ActionRow> BroughtForward,
    IReadOnlyList<ActionRow> ActionsArising,
    MeetingSummary? NextMeeting);
