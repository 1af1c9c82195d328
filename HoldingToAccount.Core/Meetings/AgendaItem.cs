namespace HoldingToAccount.Core.Meetings;

public class AgendaItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;

    /// <summary>Section of the series template, e.g. "4a".</summary>
    public required string Section { get; set; }

    /// <summary>Item number within the meeting, e.g. "4a.1".</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public string? Questions { get; set; }
    public string? Findings { get; set; }

    /// <summary>"This item was deferred until the next meeting".</summary>
    public bool Deferred { get; set; }

    /// <summary>Left out of the public variant of the notes (operationally sensitive).</summary>
    public bool Restricted { get; set; }
    public int Order { get; set; }
}
