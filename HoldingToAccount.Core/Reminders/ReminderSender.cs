using System.Runtime.CompilerServices;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

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
/// Sends one delivery row by id, or a run of them in order. Safe to call any number of times, from any number of
/// workers: it returns at once if the row is already sent, claims the row atomically before sending, and records the
/// outcome. A transient failure releases the claim and throws <see cref="TransientEmailException"/> so the caller (a
/// Hangfire job) retries later.
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
    public async Task<SendOutcome> SendAsync(int deliveryId, DigestBatch? batch, CancellationToken ct = default) =>
        await DeliverAsync(await PrepareAsync(deliveryId, batch, ct), ct);

    /// <summary>
    /// Sends a run of deliveries in order over the one connection, each as <see cref="SendAsync(int, DigestBatch?, CancellationToken)"/>
    /// does, and yields each outcome once it is recorded. The next delivery is claimed and written out while this one
    /// is on the wire, never more than one ahead. A transient mail failure releases the failing row and the one made
    /// ready after it (both left Planned, unclaimed) and throws <see cref="TransientEmailException"/>; cancellation
    /// likewise leaves nothing claimed. Either way the rows after the outcomes yielded are untouched, so the caller
    /// knows from the count yielded where the run stopped.
    /// </summary>
    public async IAsyncEnumerable<SendOutcome> SendRunAsync(IReadOnlyList<int> deliveryIds, DigestBatch batch,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        ArgumentNullException.ThrowIfNull(batch);
        Task<PreparedDelivery>? next = null;
        try
        {
            for (var i = 0; i < deliveryIds.Count; i++)
            {
                var current = await (next ?? StartPreparing(deliveryIds[i], batch, ct));
                next = null;
                var following = i + 1 < deliveryIds.Count ? deliveryIds[i + 1] : (int?)null;
                // The same row twice in a row is made ready once this one is recorded, so it finds itself sent.
                if (following is { } ahead && ahead != current.Id)
                    next = StartPreparing(ahead, batch, ct);
                var outcome = await DeliverAsync(current, ct);
                if (following is { } again && next is null)
                    next = StartPreparing(again, batch, ct);
                yield return outcome;
            }
        }
        finally
        {
            if (next is not null)
                await ReleaseUnsentAsync(next);
        }
    }

    /// <summary>On the thread pool: SQLite's "async" calls run synchronously, so the next row would otherwise be made
    /// ready before this one's send began rather than while it is on the wire.</summary>
    private Task<PreparedDelivery> StartPreparing(int deliveryId, DigestBatch batch, CancellationToken ct) =>
        Task.Run(() => PrepareAsync(deliveryId, batch, ct), CancellationToken.None);

    /// <summary>Loads and claims the row, issues its reply token and writes the message; a row that is settled or
    /// held by another sender comes back with its outcome and no claim.</summary>
    private async Task<PreparedDelivery> PrepareAsync(int deliveryId, DigestBatch? batch, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = db.Set<ReminderDelivery>();
        var delivery = await rows.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null)
            return PreparedDelivery.Settled(deliveryId, SendOutcome.NotFound);
        if (delivery.Status != ReminderStatus.Planned)
            return PreparedDelivery.Settled(deliveryId, Finished(delivery.Status));

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
            return PreparedDelivery.Settled(deliveryId, status == ReminderStatus.Planned ? SendOutcome.NotSendable : Finished(status));
        }

        try
        {
            return await WriteAsync(db, delivery, batch, ct);
        }
        catch
        {
            await ReleaseAsync(delivery, CancellationToken.None);
            throw;
        }
    }

    private async Task<PreparedDelivery> WriteAsync(AppDbContext db, ReminderDelivery delivery, DigestBatch? batch, CancellationToken ct)
    {
        // Issued before composing: the message carries the token in its reply instructions and footer.
        var replyToken = await replies.TokenForAsync(db, delivery, ct);
        delivery.ReplyToken = replyToken;
        var composed = await composer.ComposeAsync(delivery, batch, ct);
        if (composed is null)
            return new PreparedDelivery(delivery.Id, null, delivery, null, null);
        var message = composer.ToMessage(delivery, composed);
        if (replyToken is not null)
            replies.Address(message, replyToken);
        return new PreparedDelivery(delivery.Id, null, delivery, composed, message);
    }

    /// <summary>Sends a claimed row's message and records what came of it; a settled row just reports its outcome.</summary>
    private async Task<SendOutcome> DeliverAsync(PreparedDelivery prepared, CancellationToken ct)
    {
        if (prepared.Outcome is { } settled)
            return settled;
        var delivery = prepared.Delivery!;
        if (prepared.Composed is not { } composed || prepared.Message is not { } message)
        {
            await FinishAsync(delivery.Id, ReminderStatus.Skipped, "Nothing left to remind about: the actions were closed or the meeting cancelled.", null, null, ct);
            return SendOutcome.Skipped;
        }

        EmailSendResult result;
        try
        {
            result = await email.SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is TransientEmailException or OperationCanceledException)
        {
            await ReleaseFailedAsync(delivery.Id, ex.Message);
            LogTransient(logger, delivery.Id, delivery.Recipient, ex.Message);
            metrics.ReminderToRetry(delivery.Kind.ToString());
            throw;
        }

        if (result.Accepted)
        {
            await FinishAsync(delivery.Id, ReminderStatus.Sent, null, composed.Subject, message.MessageId, CancellationToken.None);
            LogSent(logger, delivery.Id, delivery.Kind, delivery.Recipient);
            metrics.ReminderSent(delivery.Kind.ToString());
            return SendOutcome.Sent;
        }
        await FinishAsync(delivery.Id, ReminderStatus.Failed, result.Reply, composed.Subject, message.MessageId, CancellationToken.None);
        LogRejected(logger, delivery.Id, delivery.Recipient, result.Reply);
        metrics.ReminderRefused(delivery.Kind.ToString());
        return SendOutcome.Failed;
    }

    /// <summary>A row made ready but never put on the wire (the run stopped first): its claim is let go and its attempt
    /// taken back, so it reads as it did before the run. A preparation that failed let go of its own claim.</summary>
    private async Task ReleaseUnsentAsync(Task<PreparedDelivery> preparing)
    {
        PreparedDelivery prepared;
        try
        {
            prepared = await preparing;
        }
        catch (Exception)
        {
            // It failed on its own and let go of its own claim; the run is stopping for another reason already.
            return;
        }
        if (prepared is { Outcome: null, Delivery: { } delivery })
            await ReleaseAsync(delivery, CancellationToken.None);
    }

    /// <summary>Puts a claimed row back as it was loaded before the claim: unclaimed, its attempt not counted.</summary>
    private async Task ReleaseAsync(ReminderDelivery loaded, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Set<ReminderDelivery>().Where(d => d.Id == loaded.Id && d.Status == ReminderStatus.Planned)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(d => d.Attempts, loaded.Attempts)
                .SetProperty(d => d.LastAttemptUtc, loaded.LastAttemptUtc), ct);
    }

    /// <summary>What a run that finds the row already settled reports.</summary>
    private static SendOutcome Finished(ReminderStatus status) => status switch
    {
        ReminderStatus.Sent => SendOutcome.AlreadySent,
        ReminderStatus.Failed => SendOutcome.FailedBefore,
        ReminderStatus.Skipped => SendOutcome.SkippedBefore,
        _ => SendOutcome.NotSendable,
    };

    /// <summary>The row the mail server could not take now: unclaimed and left Planned, with the reason, for a retry.</summary>
    private async Task ReleaseFailedAsync(int id, string reason)
    {
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        await db.Set<ReminderDelivery>().Where(d => d.Id == id && d.Status == ReminderStatus.Planned)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null).SetProperty(d => d.Reason, Trim(reason)), CancellationToken.None);
    }

    private async Task FinishAsync(int id, ReminderStatus status, string? reason, string? subject, string? messageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? sentAt = status == ReminderStatus.Sent ? now : null;
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Set<ReminderDelivery>().Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.Reason, Trim(reason))
            .SetProperty(d => d.Subject, Trim(subject))
            .SetProperty(d => d.MessageId, messageId)
            .SetProperty(d => d.SentAtUtc, sentAt)
            .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null), ct);
    }

    private static string? Trim(string? text) => text is { Length: > 500 } ? text[..500] : text;

    /// <summary>A delivery made ready to send: claimed, with its message written (none when nothing is left to say),
    /// or settled without a claim, with the outcome to report.</summary>
    private sealed record PreparedDelivery(int Id, SendOutcome? Outcome, ReminderDelivery? Delivery, ComposedReminder? Composed, MimeMessage? Message)
    {
        public static PreparedDelivery Settled(int id, SendOutcome outcome) => new(id, outcome, null, null, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent reminder {DeliveryId} ({Kind}) to {Recipient}")]
    private static partial void LogSent(ILogger logger, int deliveryId, ReminderKind kind, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {DeliveryId} to {Recipient} was refused for good: {Reply}")]
    private static partial void LogRejected(ILogger logger, int deliveryId, string recipient, string reply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {DeliveryId} to {Recipient} could not be sent now and will be retried: {Error}")]
    private static partial void LogTransient(ILogger logger, int deliveryId, string recipient, string error);
}
