using System.ComponentModel.DataAnnotations;
using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Core.Meetings;

public sealed record MeetingSummary(
    int Id, int SeriesId, string SeriesName, string Title, DateOnly Date, TimeOnly StartTime,
    string? Venue, string? Chair, MeetingStatus Status, int Version);

public sealed record AttendeeRow(string Name, string? Capacity, Attendance Attendance);

public sealed record AgendaItemRow(int Id, string Section, string Number, string Title, string? Questions, string? Findings, bool Deferred, bool Restricted = false);

public sealed record AgendaSectionRow(string Number, string Title, IReadOnlyList<AgendaItemRow> Items, SectionPurpose Purpose = SectionPurpose.Business);

public sealed record MeetingDetail(
    MeetingSummary Meeting,
    string? MinuteTaker,
    IReadOnlyList<AttendeeRow> Attendees,
    IReadOnlyList<AgendaSectionRow> Agenda,
    IReadOnlyList<ActionRow> BroughtForward,
    IReadOnlyList<ActionRow> ActionsArising,
    MeetingSummary? NextMeeting)
{
    /// <summary>The section that lists the actions brought forward; null when the series' agenda has none.</summary>
    public AgendaSectionRow? BroughtForwardSection() => Agenda.FirstOrDefault(s => s.Purpose == SectionPurpose.BroughtForward);

    /// <summary>The section that gives the date of the next meeting; null when the series' agenda has none.</summary>
    public AgendaSectionRow? NextMeetingSection() => Agenda.FirstOrDefault(s => s.Purpose == SectionPurpose.NextMeeting);

    /// <summary>Whether the actions brought forward are shown under <paramref name="section"/>.</summary>
    public bool HoldsBroughtForward(AgendaSectionRow section) => section == BroughtForwardSection();

    /// <summary>Whether the date of the next meeting is given under <paramref name="section"/>.</summary>
    public bool HoldsNextMeeting(AgendaSectionRow section) => section == NextMeetingSection();
}

public sealed record SectionRow(string Number, string Title, SectionPurpose Purpose = SectionPurpose.Business)
{
    /// <summary>Whether an item (a revisit, for one) may be put in this section.</summary>
    public bool TakesItems() => SectionPurposes.TakesItems(Purpose);
}

public sealed record SeriesRow(int Id, string Name, string Kind, string? Recurrence, string? DefaultVenue, IReadOnlyList<SectionRow> Sections);

/// <summary>A meeting the secretariat adds by hand (the series' recurrence plans the rest).</summary>
public sealed record NewMeeting(int SeriesId, DateOnly Date, TimeOnly StartTime, string? Venue = null, string? Chair = null, string? Title = null);

/// <summary>A meeting's title, venue and chair as corrected by the secretariat; an empty venue or chair is "not recorded".</summary>
public sealed record MeetingDetails(
    [property: Required(ErrorMessage = "Give the meeting a title.")]
    [property: MaxLength(InputLimits.MeetingTitle, ErrorMessage = "A meeting title can be at most {1} characters.")]
    string Title,
    [property: MaxLength(InputLimits.Venue, ErrorMessage = "A venue can be at most {1} characters.")] string? Venue,
    [property: MaxLength(InputLimits.PersonName, ErrorMessage = "The chair can be at most {1} characters.")] string? Chair);

/// <summary>An agenda item as written or edited. <paramref name="Section"/> is a section number of the series template, e.g. "4a".</summary>
public sealed record AgendaItemInput(
    string Section,
    [property: Required(ErrorMessage = "Give the agenda item a title.")]
    [property: MaxLength(InputLimits.AgendaItemTitle, ErrorMessage = "An agenda item title can be at most {1} characters.")]
    string Title,
    [property: MaxLength(InputLimits.Questions, ErrorMessage = "The questions can be at most {1:N0} characters.")] string? Questions = null,
    [property: MaxLength(InputLimits.Findings, ErrorMessage = "The findings can be at most {1:N0} characters.")] string? Findings = null,
    bool Deferred = false,
    bool Restricted = false);

public sealed record AttendeeInput(
    [property: MaxLength(InputLimits.PersonName, ErrorMessage = "A name can be at most {1} characters.")] string Name,
    [property: MaxLength(InputLimits.Capacity, ErrorMessage = "A capacity can be at most {1} characters.")] string? Capacity,
    Attendance Attendance,
    int? PersonId = null);
