using System.Diagnostics.Metrics;
using System.Net;
using HoldingToAccount.Core;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.TestData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Observability;

/// <summary>
/// The live-board and open-session numbers follow a real room screen (Chromium on a display link) as it opens and
/// closes, so an operator can tell "the room screen is up" from the metrics.
/// </summary>
[Needs(Need.Database, Need.Browser)]
public sealed class BoardMetricsTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("hta-metrics-").FullName;
    private ScratchDatabase _database = null!;
    private WebApplicationFactory<Program> _app = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync();
        var clock = new FakeTimeProvider(London.ToInstant(new DateOnly(2017, 2, 1), new TimeOnly(9, 0)));
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in _database.Configuration)
                web.UseSetting(key, value);
            web.UseSetting("Email:PickupDirectory", Path.Combine(_root, "mail"));
            web.UseSetting("DataProtection:KeysDirectory", Path.Combine(_root, "keys"));
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
    }

    /// <summary>
    /// Closed with or without its unload handlers, the browser may not say goodbye in a way the server hears, and the
    /// server then keeps the circuit for minutes in case it comes back; the screen is off all the same, and the numbers
    /// say so as soon as the connection drops.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Opening_a_room_screen_counts_one_live_board_and_one_open_session_and_closing_it_counts_them_down(bool unloadHandlersRun)
    {
        using var metrics = new MetricsReader(_app.Services.GetRequiredService<IMeterFactory>());
        var display = await _app.Services.GetRequiredService<TokenService>().CreateDisplayTokenAsync("Conference room", "test");
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });

        var board = await chromium.NewPageAsync();
        await board.GotoAsync($"{address}/board/{display.Token}");
        await Expect(board.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        await Expect(board.GetByTestId("board")).ToBeVisibleAsync();
        await board.ScreenshotAsync(new() { Path = Browser.BrowserFixture.ArtifactPath($"metrics-room-board-open-{(unloadHandlersRun ? "unload" : "no-unload")}.png") });

        await WaitUntilAsync(() => metrics.Total("hta.boards.live") == 1 && metrics.Total("hta.circuits.open") == 1);

        await board.CloseAsync(new() { RunBeforeUnload = unloadHandlersRun });

        await WaitUntilAsync(() => metrics.Total("hta.boards.live") == 0 && metrics.Total("hta.circuits.open") == 0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the count did not reach the expected value within 30 s");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
