namespace HoldingToAccount.Core.Meetings;

public enum MeetingStatus { Planned, Held, Published, Cancelled }

public class Meeting
{
    /// <summary>The title a meeting gets when none is written: its series and month, "Monthly Assurance Meeting March 2017".</summary>
    public static string DefaultTitle(string seriesName, DateOnly date) => $"{seriesName} {London.Month(date)}";

    public int Id { get; set; }
    public int SeriesId { get; set; }
    public MeetingSeries Series { get; set; } = null!;
    public required string Title { get; set; }

    /// <summary>Local date in Europe/London.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Local start time in Europe/London.</summary>
    public TimeOnly StartTime { get; set; }
    public string? Venue { get; set; }
    public string? Chair { get; set; }
    public string? MinuteTaker { get; set; }
    public MeetingStatus Status { get; set; }
    public int Version { get; set; }

    /// <summary>When written responses to the questions sent in advance are due, if the meeting asks for them.</summary>
    public DateOnly? WrittenResponsesDue { get; set; }

    /// <summary>For a meeting imported from notes: a hash of the source text, so importing the same notes again is recognised.</summary>
    public string? ImportedFromHash { get; set; }

    /// <summary>When the public notes were published (UTC); null while they are not on the public pages.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>When the public notes were last taken down (UTC), and why; cleared when they are published again.</summary>
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    public List<MeetingAttendee> Attendees { get; set; } = [];
    public List<AgendaItem> AgendaItems { get; set; } = [];

    public bool IsHeld => Status is MeetingStatus.Held or MeetingStatus.Published;
}

public enum Attendance { Present, Apologies }

public class MeetingAttendee
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int? PersonId { get; set; }
    public required string Name { get; set; }

    /// <summary>As written in the notes, e.g. "T/Deputy Chief Constable (T/DCC)".</summary>
    public string? Capacity { get; set; }
    public Attendance Attendance { get; set; }
    public int Order { get; set; }
}
