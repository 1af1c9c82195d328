using Hangfire;
using HoldingToAccount.Core.Reminders;

namespace HoldingToAccount.Dashboard.Jobs;

/// <summary>The recurring sweep (every <c>Reminders:SweepInterval</c>, Europe/London) and its one catch-up run at start-up.</summary>
public sealed class ReminderSweepJob(ReminderSweep sweep)
{
    public const string RecurringId = "reminder-sweep";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0, LogEvents = true)] // the next sweep plans the same reminders
    public Task RunAsync(CancellationToken ct) => sweep.RunAsync(ct);

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public Task CatchUpAsync(CancellationToken ct) => sweep.CatchUpAsync(ct);
}

/// <summary>Sends one delivery row. Safe to run twice: the sender returns at once if the row is already sent, and a
/// transient mail failure throws so Hangfire retries with back-off.</summary>
public sealed class ReminderSendJob(ReminderSender sender, IBackgroundJobClient jobs)
{
    [AutomaticRetry(Attempts = 10)]
    public async Task RunAsync(int deliveryId, CancellationToken ct) => await sender.SendAsync(deliveryId, ct);

    /// <summary>
    /// Sends a run of deliveries in order (<see cref="ReminderSender.SendRunAsync"/>), the digests sharing their
    /// meetings' reads (<see cref="DigestBatch"/>). At the first transient mail failure the rest, from the failing one
    /// on, go back to the queue one job each, to be retried with back-off as <see cref="RunAsync"/> is. Any other
    /// failure retries the run, and a row already sent is not sent again.
    /// </summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAllAsync(int[] deliveryIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        var settled = 0;
        try
        {
            await foreach (var _ in sender.SendRunAsync(deliveryIds, new DigestBatch(), ct))
                settled++;
        }
        catch (Exception ex) when (ex is TransientEmailException or OperationCanceledException)
        {
            foreach (var id in deliveryIds[settled..])
                jobs.Enqueue<ReminderSendJob>(job => job.RunAsync(id, CancellationToken.None));
        }
    }
}

/// <summary>Queues the sweep's deliveries as send jobs of up to <see cref="RunLength"/> rows each, sent in order.</summary>
public sealed class HangfireReminderQueue(IBackgroundJobClient jobs) : IReminderQueue
{
    /// <summary>A sweep's digests for one meeting (one per owner) fit in one run, so the meeting is read once.</summary>
    public const int RunLength = 1000;

    public Task EnqueueAsync(IReadOnlyList<int> deliveryIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        foreach (var run in deliveryIds.Chunk(RunLength))
        {
            if (run.Length == 1)
                jobs.Enqueue<ReminderSendJob>(job => job.RunAsync(run[0], CancellationToken.None));
            else
                jobs.Enqueue<ReminderSendJob>(job => job.RunAllAsync(run, CancellationToken.None));
        }
        return Task.CompletedTask;
    }
}
