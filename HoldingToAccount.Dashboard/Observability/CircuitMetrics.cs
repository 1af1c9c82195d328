using HoldingToAccount.Core.Observability;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HoldingToAccount.Dashboard.Observability;

/// <summary>Counts the interactive sessions (pages and boards) open on this instance into <c>hta.circuits.open</c>.</summary>
internal sealed class CircuitMetrics(AppMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
