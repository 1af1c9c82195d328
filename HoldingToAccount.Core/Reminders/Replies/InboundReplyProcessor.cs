using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HoldingToAccount.Core.Reminders.Replies;

/// <summary>What came of one inbound message; <see cref="AlreadyHandled"/> when an earlier run had settled it.</summary>
public sealed record InboundResult(InboundOutcome Outcome, string Detail, bool AlreadyHandled = false);

/// <summary>
/// Applies one e-mailed reply: matches it to the delivery it answers (the token in its address or quoted footer, else
/// In-Reply-To/References against the Message-ID we sent), checks the sender is who it was sent to, reads the updates
/// and records them all through <see cref="ActionService.AddEmailedUpdatesAsync"/> — or none, with a refusal naming
/// why. The reply's row (unique by Message-ID) and the receipt to the sender are saved in the same transaction, so a
/// message is applied once however often it is read.
/// </summary>
public sealed partial class InboundReplyProcessor(
    IDbContextFactory<AppDbContext> factory,
    ActionService actions,
    ReplyTokens tokens,
    IReminderQueue queue,
    IOptions<PublicLinkOptions> links,
    TimeProvider clock,
    Observability.AppMetrics metrics,
    ILogger<InboundReplyProcessor> logger)
{
    private const string NothingChanged = "Nothing has been changed in the register.";

    public async Task<InboundResult> ProcessAsync(MimeMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messageId = IdOf(message);
        if (await SettledAsync(messageId, ct) is { } earlier)
            return earlier;

        var sender = message.From.Mailboxes.FirstOrDefault();
        var now = clock.GetUtcNow().UtcDateTime;
        var reply = new InboundReply
        {
            MessageId = messageId,
            From = Clip(sender?.Address.ToLowerInvariant() ?? "", 320)!,
            Subject = Clip(message.Subject, 500),
            ReceivedAtUtc = message.Date == DateTimeOffset.MinValue ? now : message.Date.UtcDateTime,
            ProcessedAtUtc = now,
            Detail = "",
        };
        if (sender is null || IsAutomatic(message))
            return await RefuseAsync(reply, null, "It was sent automatically (or has no sender), so it was not answered.", answer: false, ct);

        var (delivery, problem) = await MatchAsync(message, ct);
        if (delivery is null)
            return await RefuseAsync(reply, null, problem!, answer: true, ct);
        reply.DeliveryId = delivery.Id;
        if (!string.Equals(reply.From, delivery.Recipient, StringComparison.OrdinalIgnoreCase))
            return await RefuseAsync(reply, delivery,
                $"It came from {reply.From}, which is not the address the message you replied to was sent to, so it is not permitted to update those actions. Reply from the address the reminder was sent to, or post the update in the register.",
                answer: true, ct);

        var updates = ReplyText.Updates(ReplyText.NewText(BodyOf(message)));
        if (updates.Count == 0)
            return await RefuseAsync(reply, delivery,
                "No line of it starts with an action reference, so no update was understood. Write one line per action, starting with its reference, e.g. \"2017/01: Minimum standard agreed at COG\".",
                answer: true, ct);

        var actor = new Actor(delivery.RecipientName, AccessLevel.Officer, delivery.PersonId);
        var references = string.Join(", ", updates.Select(u => u.Reference));
        reply.Outcome = InboundOutcome.Recorded;
        reply.Detail = references;
        var receipt = ReplyReceipt.Plan(reply, delivery.RecipientName, delivery.PersonId,
            $"Updates recorded: {references}", Confirmation(updates), London.Today(clock));
        IReadOnlyList<EmailedUpdateProblem> problems;
        try
        {
            problems = await actions.AddEmailedUpdatesAsync(updates, actor, db =>
            {
                db.Add(reply);
                db.Add(receipt);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Another reader saved this message first (its Message-ID is unique): theirs is the outcome.
            if (await SettledAsync(messageId, CancellationToken.None) is { } raced)
                return raced;
            throw;
        }
        if (problems.Count > 0)
        {
            var why = problems.Count == 1
                ? problems[0].Problem
                : "Of its updates:\n" + string.Join("\n", problems.Select(p => $"- {p.Reference}: {p.Problem}"));
            return await RefuseAsync(reply, delivery, why, answer: true, ct);
        }
        LogRecorded(logger, messageId, reply.From, references);
        metrics.ReplyRecorded();
        await queue.EnqueueAsync([receipt.Id], ct);
        return new InboundResult(InboundOutcome.Recorded, references);
    }

    private string Confirmation(IReadOnlyList<EmailedUpdate> updates)
    {
        var text = new StringBuilder()
            .Append(updates.Count == 1 ? "1 update recorded: " : $"{updates.Count} updates recorded: ")
            .Append(string.Join(", ", updates.Select(u => u.Reference))).Append('.');
        foreach (var u in updates)
            text.Append("\n\n").Append(u.Reference).Append(u.ProposesCompletion ? " (proposed complete): " : ": ").Append(u.Text);
        text.Append("\n\nSee your actions: ").Append(links.Value.BaseUrl).Append("/my-actions");
        return text.ToString();
    }

    private async Task<InboundResult> RefuseAsync(InboundReply reply, ReminderDelivery? delivery, string why, bool answer, CancellationToken ct)
    {
        reply.Outcome = InboundOutcome.Refused;
        reply.Detail = Clip(why, 2000)!;
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Add(reply);
        ReminderDelivery? receipt = null;
        if (answer)
        {
            var name = delivery is not null && string.Equals(reply.From, delivery.Recipient, StringComparison.OrdinalIgnoreCase)
                ? delivery.RecipientName
                : reply.From;
            receipt = ReplyReceipt.Plan(reply, name, delivery is not null && delivery.Recipient == reply.From ? delivery.PersonId : null,
                "Your e-mailed update was not recorded", $"Your reply \"{reply.Subject}\" was not recorded. {why}\n\n{NothingChanged}", London.Today(clock));
            db.Add(receipt);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await SettledAsync(reply.MessageId, CancellationToken.None) is { } raced)
                return raced;
            throw;
        }
        LogRefused(logger, reply.MessageId, reply.From, why);
        metrics.ReplyRefused();
        if (receipt is not null)
            await queue.EnqueueAsync([receipt.Id], ct);
        return new InboundResult(InboundOutcome.Refused, reply.Detail);
    }

    private async Task<InboundResult?> SettledAsync(string messageId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var earlier = await db.Set<InboundReply>().AsNoTracking().SingleOrDefaultAsync(r => r.MessageId == messageId, ct);
        return earlier is null ? null : new InboundResult(earlier.Outcome, earlier.Detail, AlreadyHandled: true);
    }

    private async Task<(ReminderDelivery? Delivery, string? Problem)> MatchAsync(MimeMessage message, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var deliveries = db.Set<ReminderDelivery>().AsNoTracking();
        var token = TokenIn(message);
        ReminderDelivery? delivery;
        if (token is not null)
        {
            var claim = tokens.Read(token);
            delivery = claim is { } c ? await deliveries.SingleOrDefaultAsync(d => d.Id == c.DeliveryId && d.ReplyToken == token, ct) : null;
            if (delivery is null)
                return (null, "Its reply reference is not one we issued, so we cannot tell which message it answers. Post your update in the register instead.");
        }
        else
        {
            var answered = message.References.Append(message.InReplyTo).Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).Distinct().ToList();
            delivery = answered.Count == 0 ? null
                : await deliveries.Where(d => d.MessageId != null && answered.Contains(d.MessageId)).OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
            if (delivery is null)
                return (null, "We cannot tell which of our messages it answers. Reply to a reminder that lists your actions, or post your update in the register.");
            if (delivery.ReplyToken is null)
                return (null, "The message it answers does not take updates by e-mail. Post your update in the register instead.");
        }
        if (tokens.Read(delivery.ReplyToken) is not { } stored || stored.Expires < London.Today(clock))
            return (null, "The message it answers is too old to take updates by e-mail (its reply reference has expired). Reply to a more recent reminder, or post your update in the register.");
        return (delivery, null);
    }

    /// <summary>The token from a plus-tagged recipient address (To, Cc, Delivered-To, X-Original-To), else from the quoted footer.</summary>
    private static string? TokenIn(MimeMessage message)
    {
        var addresses = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(message.Headers.Where(h => h.Field.Equals("Delivered-To", StringComparison.OrdinalIgnoreCase) || h.Field.Equals("X-Original-To", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Value.Trim().Trim('<', '>')));
        foreach (var address in addresses)
        {
            var match = PlusTag().Match(address);
            if (match.Success)
                return match.Groups[1].Value.ToLowerInvariant();
        }
        var footer = Footer().Match(BodyOf(message));
        return footer.Success ? footer.Groups[1].Value.ToLowerInvariant() : null;
    }

    private static string BodyOf(MimeMessage message) =>
        message.TextBody ?? (message.HtmlBody is { } html ? HtmlToText(html) : "");

    private static string HtmlToText(string html)
    {
        var text = Regex.Replace(html, @"<(br|/p|/div|/tr|/h\d|/li)[^>]*>", "\n", RegexOptions.IgnoreCase);
        text = Regex.Replace(text, "<blockquote.*", "", RegexOptions.IgnoreCase | RegexOptions.Singleline);
        text = Regex.Replace(text, "<[^>]+>", "");
        return System.Net.WebUtility.HtmlDecode(text);
    }

    private static bool IsAutomatic(MimeMessage message)
    {
        var auto = message.Headers[HeaderId.AutoSubmitted];
        return (auto is not null && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            || message.Body is MultipartReport
            || message.From.Mailboxes.Any(m => m.Address.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The message's own id; one without a Message-ID is known by a digest of what it says, so it too is applied once.</summary>
    private static string IdOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
            return Clip(message.MessageId, 500)!;
        var fingerprint = $"{message.From}\n{message.Date:O}\n{message.Subject}\n{message.TextBody ?? message.HtmlBody}";
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)));
    }

    private static string? Clip(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;

    [GeneratedRegex(@"^[^@+]+\+([a-z2-7]{32})@", RegexOptions.IgnoreCase)]
    private static partial Regex PlusTag();

    [GeneratedRegex(@"hta-([a-z2-7]{32})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Footer();

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {MessageId} from {From} recorded updates on {References}")]
    private static partial void LogRecorded(ILogger logger, string messageId, string from, string references);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {MessageId} from {From} was refused: {Why}")]
    private static partial void LogRefused(ILogger logger, string messageId, string from, string why);
}
