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
public sealed class ReminderSendJob(ReminderSender sender)
{
    [AutomaticRetry(Attempts = 10)]
    public async Task RunAsync(int deliveryId, CancellationToken ct) => await sender.SendAsync(deliveryId, ct);
}

/// <summary>Queues one Hangfire send job per delivery id.</summary>
public sealed class HangfireReminderQueue(IBackgroundJobClient jobs) : IReminderQueue
{
    public Task EnqueueAsync(IReadOnlyList<int> deliveryIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        foreach (var id in deliveryIds)
            jobs.Enqueue<ReminderSendJob>(job => job.RunAsync(id, CancellationToken.None));
        return Task.CompletedTask;
    }
}
