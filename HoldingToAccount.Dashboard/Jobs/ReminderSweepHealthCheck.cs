using HoldingToAccount.Core.Reminders;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HoldingToAccount.Dashboard.Jobs;

/// <summary>Degraded when the reminder sweep has not run for two intervals (Hangfire stopped firing, or the app was down).</summary>
public sealed class ReminderSweepHealthCheck(ReminderSweep sweep) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = await sweep.LastAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["lastSweepUtc"] = last?.LastRunUtc.ToString("O") ?? "never" };
        return await sweep.IsOverdueAsync(cancellationToken)
            ? HealthCheckResult.Degraded(last is null ? "The reminder sweep has not run yet." : $"The reminder sweep last ran at {last.LastRunUtc:u}; it is overdue.", data: data)
            : HealthCheckResult.Healthy($"The reminder sweep last ran at {last!.LastRunUtc:u}.", data);
    }
}
