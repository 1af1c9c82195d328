using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HoldingToAccount.Dashboard.Observability;

/// <summary>Tells the circuit's <see cref="CircuitPresence"/> when its browser connects and goes.</summary>
internal sealed class CircuitMetrics(CircuitPresence presence) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.Connected(true);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.Connected(false);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.Connected(false);
        return Task.CompletedTask;
    }
}
