using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HoldingToAccount.Core.Observability;

namespace HoldingToAccount.Tests.Observability;

/// <summary>
/// Listens to the app's meter <see cref="AppMetrics.MeterName"/> of one service provider (its own meter factory, so tests
/// running side by side do not see each other's numbers) and adds up what each instrument records, per tag value.
/// </summary>
public sealed class MetricsReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _totals = new();

    public MetricsReader(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AppMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            foreach (var tag in tags)
                _totals.AddOrUpdate($"{instrument.Name}[{tag.Key}={tag.Value}]", value, (_, total) => total + value);
        });
        _listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded, or of its measurements tagged <paramref name="tag"/> (key=value).</summary>
    public int Total(string instrument, string? tag = null) => _totals.GetValueOrDefault(tag is null ? instrument : $"{instrument}[{tag}]");

    public void Dispose() => _listener.Dispose();
}
