using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HoldingToAccount.Core.Reminders.Replies;

/// <summary>
/// Invites a reply to every message that lists the recipient's actions: a signed token stored on the delivery, a
/// Reply-To address carrying it as a plus-tag, and the instructions with the token in a footer line (for mail clients
/// that drop Reply-To). Does nothing while updating by e-mail is off.
/// </summary>
public sealed class ReplyInvitation(IOptions<InboundOptions> options, ReplyTokens tokens, TimeProvider clock)
{
    public const string Instructions =
        "Reply to this e-mail to post an update: one line starting with the reference, e.g. `2017/01: Minimum standard agreed at COG`. Add `complete` to propose completion.";

    public const string FooterPrefix = "Reply reference: hta-";

    /// <summary>The one list of the kinds whose message lists the recipient's own actions, so a reply can update them.</summary>
    public static bool InvitesReply(ReminderKind kind) => kind is
        ReminderKind.MeetingDigest or ReminderKind.ActionsArising or ReminderKind.DueDate or ReminderKind.Overdue or ReminderKind.Chase;

    /// <summary>
    /// The delivery's reply token, issued and stored the first time it is sent, so a retried send carries the same one;
    /// null when the message invites no reply.
    /// </summary>
    public async Task<string?> TokenForAsync(AppDbContext db, ReminderDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(delivery);
        if (!options.Value.IsOn || !InvitesReply(delivery.Kind))
            return null;
        if (delivery.ReplyToken is { } existing)
            return existing;
        var token = tokens.Issue(delivery.Id, London.Today(clock).AddDays(options.Value.ReplyTokenDays));
        await db.Set<ReminderDelivery>().Where(d => d.Id == delivery.Id && d.ReplyToken == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReplyToken, token), ct);
        return await db.Set<ReminderDelivery>().Where(d => d.Id == delivery.Id).Select(d => d.ReplyToken).SingleAsync(ct);
    }

    /// <summary>Points the message's replies at the reply address, tagged with the token.</summary>
    public void Address(MimeMessage message, string token)
    {
        ArgumentNullException.ThrowIfNull(message);
        var address = MailboxAddress.Parse(options.Value.ReplyAddress!);
        var at = address.Address.LastIndexOf('@');
        message.ReplyTo.Clear();
        message.ReplyTo.Add(new MailboxAddress(address.Name is { Length: > 0 } name ? name : "Action register updates",
            $"{address.Address[..at]}+{token}{address.Address[at..]}"));
    }
}
