using HoldingToAccount.Core.Observability;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HoldingToAccount.Dashboard.Observability;

/// <summary>
/// OpenTelemetry, only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: traces of requests, outgoing HTTP calls and
/// database commands, and the metrics of <see cref="AppMetrics"/> with ASP.NET Core's own
/// (<c>http.server.request.duration</c> among them), sent over OTLP. Unset, nothing is registered: no exporter, no
/// listener, no cost. The standard <c>OTEL_*</c> settings (protocol, headers, service name, export interval) apply.
/// </summary>
public static class Telemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "holding-to-account";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CircuitPresence>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitMetrics>());
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
            return;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(AppMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
    }
}
