namespace HoldingToAccount.Core.Reminders.Replies;

public enum InboundOutcome { Recorded, Refused }

/// <summary>
/// One e-mail read from the inbound mailbox and what came of it. Its Message-ID is unique: a message is applied once,
/// in the same transaction as the updates it records, however often the reader runs or wherever it was stopped.
/// </summary>
public class InboundReply : Audit.INotAudited
{
    public int Id { get; set; }
    public required string MessageId { get; set; }
    public required string From { get; set; }
    public string? Subject { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateTime ProcessedAtUtc { get; set; }
    public InboundOutcome Outcome { get; set; }

    /// <summary>The references recorded ("2017/01 2017/02"), or why nothing was, in words the sender is sent.</summary>
    public required string Detail { get; set; }

    /// <summary>The delivery the reply answered, when it could be matched.</summary>
    public int? DeliveryId { get; set; }
}

/// <summary>The inbound reader's own record, shown on the Outbox: when it last ran and how that went.</summary>
public class InboundMailboxState : Audit.INotAudited
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public DateTime? LastRunUtc { get; set; }
    public DateTime? LastSuccessUtc { get; set; }
    public string? LastError { get; set; }
}
