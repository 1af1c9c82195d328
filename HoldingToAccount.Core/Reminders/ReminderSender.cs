using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core.Reminders;

public enum SendOutcome
{
    Sent,

    /// <summary>It had been sent already: nothing was done.</summary>
    AlreadySent,

    /// <summary>The server refused it for good; recorded Failed with the server's reply, not retried.</summary>
    Failed,

    /// <summary>Nothing was left to say (its actions were closed since it was planned); recorded Skipped.</summary>
    Skipped,

    /// <summary>An earlier attempt was refused for good; it waits in the Outbox for the secretariat to resend it. Nothing was done.</summary>
    FailedBefore,

    /// <summary>An earlier attempt found nothing left to say; nothing was done.</summary>
    SkippedBefore,

    /// <summary>Another sender holds it right now: nothing was done.</summary>
    NotSendable,

    NotFound,
}

/// <summary>
/// Sends one delivery row by id. Safe to call any number of times, from any number of workers: it returns at once if
/// the row is already sent, claims the row atomically before sending, and records the outcome. A transient failure
/// releases the claim and throws <see cref="TransientEmailException"/> so the caller (a Hangfire job) retries later.
/// </summary>
public sealed partial class ReminderSender(
    IDbContextFactory<AppDbContext> factory,
    ReminderComposer composer,
    Replies.ReplyInvitation replies,
    IEmailSender email,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    Observability.AppMetrics metrics,
    ILogger<ReminderSender> logger)
{
    public Task<SendOutcome> SendAsync(int deliveryId, CancellationToken ct = default) => SendAsync(deliveryId, batch: null, ct);

    /// <summary>The same, one of a run of sends that share their digests' reads (<see cref="DigestBatch"/>).</summary>
    public async Task<SendOutcome> SendAsync(int deliveryId, DigestBatch? batch, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = db.Set<ReminderDelivery>();
        var delivery = await rows.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null)
            return SendOutcome.NotFound;
        if (delivery.Status == ReminderStatus.Sent)
            return SendOutcome.AlreadySent;
        if (delivery.Status != ReminderStatus.Planned)
            return Finished(delivery.Status);

        var now = clock.GetUtcNow().UtcDateTime;
        var claimedUntil = now + options.Value.ClaimTimeout;
        var claimed = await rows
            .Where(d => d.Id == deliveryId && d.Status == ReminderStatus.Planned && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ClaimedUntilUtc, claimedUntil)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.LastAttemptUtc, now), ct);
        if (claimed == 0)
        {
            var status = await rows.Where(d => d.Id == deliveryId).Select(d => d.Status).SingleAsync(ct);
            return status == ReminderStatus.Planned ? SendOutcome.NotSendable : Finished(status);
        }

        // Issued before composing: the message carries the token in its reply instructions and footer.
        var replyToken = await replies.TokenForAsync(db, delivery, ct);
        delivery.ReplyToken = replyToken;
        var composed = await composer.ComposeAsync(delivery, batch, ct);
        if (composed is null)
        {
            await FinishAsync(db, deliveryId, ReminderStatus.Skipped, "Nothing left to remind about: the actions were closed or the meeting cancelled.", null, null, ct);
            return SendOutcome.Skipped;
        }

        var message = composer.ToMessage(delivery, composed);
        if (replyToken is not null)
            replies.Address(message, replyToken);
        EmailSendResult result;
        try
        {
            result = await email.SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is TransientEmailException or OperationCanceledException)
        {
            await rows.Where(d => d.Id == deliveryId && d.Status == ReminderStatus.Planned)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null).SetProperty(d => d.Reason, Trim(ex.Message)), CancellationToken.None);
            LogTransient(logger, deliveryId, delivery.Recipient, ex.Message);
            metrics.ReminderToRetry(delivery.Kind.ToString());
            throw;
        }

        if (result.Accepted)
        {
            await FinishAsync(db, deliveryId, ReminderStatus.Sent, null, composed.Subject, message.MessageId, CancellationToken.None);
            LogSent(logger, deliveryId, delivery.Kind, delivery.Recipient);
            metrics.ReminderSent(delivery.Kind.ToString());
            return SendOutcome.Sent;
        }
        await FinishAsync(db, deliveryId, ReminderStatus.Failed, result.Reply, composed.Subject, message.MessageId, CancellationToken.None);
        LogRejected(logger, deliveryId, delivery.Recipient, result.Reply);
        metrics.ReminderRefused(delivery.Kind.ToString());
        return SendOutcome.Failed;
    }

    /// <summary>What a run that finds the row already settled reports.</summary>
    private static SendOutcome Finished(ReminderStatus status) => status switch
    {
        ReminderStatus.Sent => SendOutcome.AlreadySent,
        ReminderStatus.Failed => SendOutcome.FailedBefore,
        ReminderStatus.Skipped => SendOutcome.SkippedBefore,
        _ => SendOutcome.NotSendable,
    };

    private Task<int> FinishAsync(AppDbContext db, int id, ReminderStatus status, string? reason, string? subject, string? messageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? sentAt = status == ReminderStatus.Sent ? now : null;
        return db.Set<ReminderDelivery>().Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.Reason, Trim(reason))
            .SetProperty(d => d.Subject, Trim(subject))
            .SetProperty(d => d.MessageId, messageId)
            .SetProperty(d => d.SentAtUtc, sentAt)
            .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null), ct);
    }

    private static string? Trim(string? text) => text is { Length: > 500 } ? text[..500] : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent reminder {DeliveryId} ({Kind}) to {Recipient}")]
    private static partial void LogSent(ILogger logger, int deliveryId, ReminderKind kind, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {DeliveryId} to {Recipient} was refused for good: {Reply}")]
    private static partial void LogRejected(ILogger logger, int deliveryId, string recipient, string reply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {DeliveryId} to {Recipient} could not be sent now and will be retried: {Error}")]
    private static partial void LogTransient(ILogger logger, int deliveryId, string recipient, string error);
}
