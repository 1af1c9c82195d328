using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core.Reminders;

/// <summary>Hands delivery ids to whatever sends them: Hangfire jobs in the web app, or straight to the sender.</summary>
public interface IReminderQueue
{
    Task EnqueueAsync(IReadOnlyList<int> deliveryIds, CancellationToken ct = default);
}

/// <summary>Sends the deliveries at once as one run (<see cref="ReminderSender.SendRunAsync"/>): in order, over the one
/// reused connection, the digests sharing their meetings' reads. For the command line and tests; a row the mail server
/// could not take now is left Planned for the next sweep or run, and the run goes on with the rows after it.</summary>
public sealed partial class DirectReminderQueue(ReminderSender sender, ILogger<DirectReminderQueue> logger) : IReminderQueue
{
    public async Task EnqueueAsync(IReadOnlyList<int> deliveryIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        var batch = new DigestBatch();
        var rest = deliveryIds.ToArray();
        while (rest.Length > 0)
        {
            var settled = 0;
            try
            {
                await foreach (var _ in sender.SendRunAsync(rest, batch, ct))
                    settled++;
                return;
            }
            catch (TransientEmailException ex)
            {
                LogLeftPlanned(logger, rest[settled], ex.Message);
                rest = rest[(settled + 1)..];
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {DeliveryId} left planned: {Error}")]
    private static partial void LogLeftPlanned(ILogger logger, int deliveryId, string error);
}

public sealed record SweepResult(DateTimeOffset AsOf, int Due, int Created, int Queued);

/// <summary>
/// The sweep: plan what is due now, record the run, and queue the new rows plus any planned row whose job was lost
/// (nobody has tried it for a while). <see cref="CatchUpAsync"/> runs once at start-up.
/// </summary>
public sealed class ReminderSweep(
    IDbContextFactory<AppDbContext> factory,
    ReminderPlanner planner,
    IReminderQueue queue,
    IOptions<ReminderOptions> options,
    TimeProvider clock)
{
    public async Task<SweepResult> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var plan = await planner.PlanAsync(now, dryRun: false, ct);
        var stranded = await PlannedIdsAsync(now.UtcDateTime, now.UtcDateTime - options.Value.StrandedAfter, ct);
        var queued = plan.CreatedIds.Concat(stranded).Distinct().ToList();
        await RecordAsync(now, plan.CreatedIds.Count, ct);
        if (queued.Count > 0)
            await queue.EnqueueAsync(queued, ct);
        return new SweepResult(now, plan.Due.Count, plan.CreatedIds.Count, queued.Count);
    }

    /// <summary>On start: sweep now (whatever was missed while the app was down is still inside the catch-up
    /// window), then queue every row still planned, since their jobs may have been lost with the process.</summary>
    public async Task<SweepResult> CatchUpAsync(CancellationToken ct = default)
    {
        var swept = await RunAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await PlannedIdsAsync(now, DateTime.MaxValue, ct);
        if (pending.Count > 0)
            await queue.EnqueueAsync(pending, ct);
        return swept with { Queued = pending.Count };
    }

    public async Task<ReminderSweepState?> LastAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<ReminderSweepState>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == ReminderSweepState.SingletonId, ct);
    }

    /// <summary>For /healthz: the last sweep is older than twice the sweep interval (or there never was one).</summary>
    public async Task<bool> IsOverdueAsync(CancellationToken ct = default)
    {
        var last = await LastAsync(ct);
        return last is null || clock.GetUtcNow().UtcDateTime - last.LastRunUtc > 2 * options.Value.SweepInterval;
    }

    /// <summary>Planned rows no sender holds at <paramref name="now"/> and nobody has tried since <paramref name="idleSince"/>.</summary>
    private async Task<List<int>> PlannedIdsAsync(DateTime now, DateTime idleSince, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<ReminderDelivery>()
            .Where(d => d.Status == ReminderStatus.Planned
                && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now)
                && (d.LastAttemptUtc ?? d.CreatedAtUtc) < idleSince)
            .OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
    }

    private async Task RecordAsync(DateTimeOffset asOf, int created, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var updated = await db.Set<ReminderSweepState>().Where(s => s.Id == ReminderSweepState.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastRunUtc, now).SetProperty(x => x.LastAsOfUtc, asOf.UtcDateTime).SetProperty(x => x.LastCreated, created), ct);
        if (updated > 0)
            return;
        db.Set<ReminderSweepState>().Add(new ReminderSweepState { LastRunUtc = now, LastAsOfUtc = asOf.UtcDateTime, LastCreated = created });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another sweep wrote the first record at the same moment; theirs will do.
        }
    }
}
