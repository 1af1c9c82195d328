namespace HoldingToAccount.Core.Meetings;

public class MeetingSeries
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Free text such as "Monthly assurance" or "Thematic".</summary>
    public required string Kind { get; set; }

    /// <summary>A rule <see cref="Recurrence"/> understands, e.g. "last Tuesday monthly 10:30".</summary>
    public string? Recurrence { get; set; }
    public string? DefaultVenue { get; set; }

    /// <summary>Whether the series' published notes and actions appear on the public pages.</summary>
    public bool IsPublic { get; set; }
    public List<AgendaSection> Sections { get; set; } = [];
    public List<Meeting> Meetings { get; set; } = [];
}

/// <summary>One heading of the series' agenda template, e.g. "4a" "Performance against the police and crime plan".</summary>
public class AgendaSection
{
    public int Id { get; set; }
    public int SeriesId { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }

    /// <summary>What the section holds: items of business, the actions brought forward, or the date of the next meeting.</summary>
    public SectionPurpose Purpose { get; set; }
}
