// Shared by the board and soak benchmarks: the app on real Kestrel over a scratch folder, Chromium, and the probe that
// records when each "bench-N" marker reaches a page's DOM.
using System.Globalization;
using System.Net;
using HoldingToAccount.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace HoldingToAccount.Bench.Board;

internal static class BoardHarness
{
    // Every page records when each "bench-N" marker first appears in its DOM, in epoch milliseconds.
    public const string Observe = """
        () => {
            window.__seen = {};
            // textContent, not innerText: the board keeps every action in the page and shows a page at a time,
            // so an update reaches the DOM whether or not its action is on the page now showing.
            const scan = () => {
                const now = performance.timeOrigin + performance.now();
                for (const m of document.body.textContent.matchAll(/bench-(\d+)/g)) { window.__seen[m[1]] ??= now; }
            };
            new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    /// <summary>The demo register in <paramref name="root"/>, its clock on 1 February 2017, served on a loopback port.</summary>
    public static (WebApplicationFactory<Program> App, string BaseUrl) StartApp(string root)
    {
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(root, "app.db")}");
            web.UseSetting("Email:PickupDirectory", Path.Combine(root, "mail"));
            web.UseSetting("DataProtection:KeysDirectory", Path.Combine(root, "keys"));
            web.UseSetting("Reminders:Enabled", "false");
            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(London.ToInstant(new DateOnly(2017, 2, 1), new TimeOnly(9, 0)))));
        });
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
    });

    /// <summary>A board on the display link in a context of its own, interactive and observing.</summary>
    public static async Task<IPage> OpenBoardAsync(IBrowser browser, string baseUrl, string displayPath)
    {
        var page = await (await browser.NewContextAsync(new() { BaseURL = baseUrl })).NewPageAsync();
        await page.GotoAsync(displayPath);
        await Assertions.Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 30_000 });
        await page.EvaluateAsync(Observe);
        return page;
    }

    /// <summary>
    /// Waits for marker <paramref name="n"/> on each page: how long after <paramref name="savedAt"/> (epoch ms) each
    /// showed it, and how many had not shown it 10 s after the save.
    /// </summary>
    public static async Task<(List<double> Latencies, int Missed)> SeenOnAsync(IEnumerable<IPage> pages, int n, double savedAt)
    {
        var latencies = new List<double>();
        var missed = 0;
        foreach (var page in pages)
        {
            try
            {
                var left = Math.Max(1, savedAt + 10_000 - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await page.WaitForFunctionAsync($"() => window.__seen['{n}'] !== undefined", null, new() { Timeout = (float)left });
                latencies.Add(Math.Max(0, await page.EvaluateAsync<double>($"() => window.__seen['{n}']") - savedAt));
            }
            catch (TimeoutException)
            {
                missed++;
            }
        }
        return (latencies, missed);
    }

    /// <summary>p95 of <paramref name="values"/> over p95 of <paramref name="reference"/>, as "1.4×".</summary>
    public static string Ratio(List<double> values, List<double> reference) =>
        values.Count == 0 || reference.Count == 0 ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{Percentile(values, 95) / Math.Max(1, Percentile(reference, 95)):F2}×");

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    }

    public static string Percentiles(List<double> values)
    {
        if (values.Count == 0)
            return "no samples";
        return string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(values, 50):F0} ms, p95 {Percentile(values, 95):F0} ms, p99 {Percentile(values, 99):F0} ms (n={values.Count})");
    }
}
