namespace HoldingToAccount.Core.Actions;

/// <summary>A dated entry in an action's history. Append-only.</summary>
public class ActionUpdate
{
    public int Id { get; set; }
    public int ActionItemId { get; set; }
    public DateOnly Date { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string Text { get; set; }
    public required string Author { get; set; }
    public int? MeetingId { get; set; }
    public ActionStatus? NewStatus { get; set; }
    public Decision Decision { get; set; }

    /// <summary>How the update reached the register: typed in the app (or its API), or by replying to an e-mail.</summary>
    public UpdateChannel Channel { get; set; }
}

public enum UpdateChannel { App, Email }
