namespace HoldingToAccount.Core.Reminders.Chasing;

/// <summary>
/// The chair's request, made while running a meeting, that the secretariat chase the owner of an action. It stays
/// outstanding, visible to the secretariat, until a chase for that action is sent or the request is dismissed.
/// </summary>
public class ChaseRequest
{
    public int Id { get; set; }
    public int ActionItemId { get; set; }
    public int? MeetingId { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedAtUtc { get; set; }

    /// <summary>When a chase was sent for it or the secretariat dismissed it; null while outstanding.</summary>
    public DateTime? HandledAtUtc { get; set; }
}
