using System.Net;
using System.Text;

namespace HoldingToAccount.Core.Reminders.Replies;

/// <summary>
/// The message sent back to whoever replied: what was recorded, or why nothing was. It goes through the delivery table
/// (so it is in the Outbox and sent once); its subject and words are fixed when the reply is read, in the row itself.
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

    public static ComposedReminder Compose(ReminderDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var subject = delivery.Subject ?? "Your e-mailed update";
        var body = delivery.Note ?? "";
        var text = $"Dear {delivery.RecipientName},\n\n{body}\n\n--\nHolding to account action register. This message was sent automatically.\n";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#0b0c0c\">\n")
            .Append("<p style=\"margin:0 0 12px 0\">").Append(E($"Dear {delivery.RecipientName},")).Append("</p>\n");
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append("<p style=\"margin:0 0 12px 0\">").Append(E(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        html.Append("<p style=\"margin:24px 0 0 0;font-size:13px;color:#505a5f\">Holding to account action register. This message was sent automatically.</p>\n</body></html>\n");
        return new ComposedReminder(subject, text, html.ToString(), null);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
