using HoldingToAccount.Core.Changes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HoldingToAccount.Dashboard.Health;

/// <summary>On PostgreSQL: whether this instance hears the changes other instances make (its live boards depend on it).</summary>
public sealed class ChangeFeedHealthCheck(PostgresChangeListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(listener.IsListening
            ? HealthCheckResult.Healthy("Listening for changes made on other instances")
            : HealthCheckResult.Degraded("Not hearing other instances' changes: screens here miss them until the connection is back"));
}
