using System.Text;

namespace HoldingToAccount.Core.Reminders.Replies;

/// <summary>
/// The message sent back to whoever replied: what was recorded, or why nothing was. It goes through the delivery table
/// (so it is in the Outbox and sent once); its subject and words are fixed when the reply is read, in the row itself,
/// and the composer lays them out as every other message.
/// </summary>
public static class ReplyReceipt
{
    public static ReminderDelivery Plan(InboundReply reply, string recipientName, int? personId, string subject, string body, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(reply.MessageId)));
        return new ReminderDelivery
        {
            Kind = ReminderKind.ReplyReceipt,
            Recipient = reply.From,
            RecipientName = recipientName,
            PersonId = personId,
            SubjectKey = "reply:" + hash[..40],
            ActionItemId = null,
            PlannedFor = today,
            Status = ReminderStatus.Planned,
            CreatedAtUtc = reply.ProcessedAtUtc,
            Subject = subject,
            Note = body.Length > 2000 ? body[..1997] + "..." : body,
        };
    }
}
