using System.Net;
using HoldingToAccount.Tests.TestData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HoldingToAccount.Tests.Observability;

/// <summary>
/// OpenTelemetry is off unless an OTLP endpoint is configured; with one, the app's traces and metrics reach it over
/// OTLP/HTTP. The endpoint is <see cref="OtlpReceiver"/>, an in-test stand-in: no collector is available here.
/// </summary>
[Needs(Need.Database)]
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task With_an_OTLP_endpoint_set_request_traces_and_latency_metrics_reach_it()
    {
        using var receiver = new OtlpReceiver();
        await using var database = await ScratchDatabase.CreateAsync();
        await using var app = Start(database, new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        using var client = new HttpClient { BaseAddress = BaseAddress(app) };

        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await WaitUntilAsync(() => receiver.Received("/v1/traces", "holding-to-account", "/healthz"), "a trace of GET /healthz");
        await WaitUntilAsync(() => receiver.Received("/v1/metrics", "holding-to-account", "http.server.request.duration"), "the request duration metric");
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_no_tracing_or_metrics_export_is_set_up()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        await using var app = Start(database, []);

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    private static WebApplicationFactory<Program> Start(ScratchDatabase database, Dictionary<string, string> settings)
    {
        var root = Path.Combine(Path.GetTempPath(), $"hta-otel-{Guid.NewGuid():N}");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in database.Configuration)
                web.UseSetting(key, value);
            web.UseSetting("Email:PickupDirectory", Path.Combine(root, "mail"));
            web.UseSetting("DataProtection:KeysDirectory", Path.Combine(root, "keys"));
            foreach (var (key, value) in settings)
                web.UseSetting(key, value);
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    private static Uri BaseAddress(WebApplicationFactory<Program> factory) =>
        new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not reach the OTLP endpoint within 30 s");
            await Task.Delay(100);
        }
    }
}
