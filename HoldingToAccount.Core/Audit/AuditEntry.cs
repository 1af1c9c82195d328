namespace HoldingToAccount.Core.Audit;

/// <summary>Append-only record of a change: who, when, what, before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Who { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Change { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
}
