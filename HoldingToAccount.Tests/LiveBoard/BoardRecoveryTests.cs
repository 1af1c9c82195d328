using System.Net;
using System.Net.Sockets;
using HoldingToAccount.Core;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.LiveBoard;

/// <summary>
/// The conference-room screen runs all day untouched: when the server restarts, the board notices, says it may be
/// stale, and is live again on its own. Two app instances in turn on the same port and database, and a real Chromium.
/// </summary>
public sealed class BoardRecoveryTests : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hta-restart-").FullName;
    private readonly int _port = Loopback.FreePort();
    private WebApplicationFactory<Program>? _app;

    [Fact]
    public async Task The_board_recovers_by_itself_after_the_server_restarts()
    {
        _app = Start();
        var token = await _app.Services.GetRequiredService<TokenService>().CreateDisplayTokenAsync("Conference room", "test");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var board = await browser.NewPageAsync();
        await board.GotoAsync($"http://127.0.0.1:{_port}/board/{token.Token}");
        await Expect(board.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        await Expect(board.GetByTestId("board")).ToBeVisibleAsync();

        await _app.DisposeAsync();
        await Expect(board.Locator("#board-connection")).ToContainTextAsync("connection lost", new() { Timeout = 15_000 });

        _app = Start();
        await Expect(board.Locator("#board-connection")).ToBeEmptyAsync(new() { Timeout = 30_000 });
        await Expect(board.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 30_000 });
        await Expect(board.GetByTestId("board")).ToBeVisibleAsync();

        var actions = _app.Services.GetRequiredService<HoldingToAccount.Core.Actions.ActionService>();
        var burglary = (await actions.FindAsync(new HoldingToAccount.Core.Actions.ActionFilter(Text: "North Worcestershire"))).Items.Single();
        await actions.AddUpdateAsync(burglary.Reference, null, "Posted after the restart",
            null, new HoldingToAccount.Core.Access.Actor("Secretariat", HoldingToAccount.Core.Access.AccessLevel.Secretariat));
        await Expect(board.Locator($"[data-ref='{burglary.Reference}']").GetByTestId("board-latest-update"))
            .ToContainTextAsync("Posted after the restart", new() { Timeout = 10_000 });
    }

    private WebApplicationFactory<Program> Start()
    {
        var clock = new FakeTimeProvider(London.ToInstant(new DateOnly(2017, 2, 1), new TimeOnly(9, 0)));
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_root, "app.db")}");
            web.UseSetting("Email:PickupDirectory", Path.Combine(_root, "mail"));
            web.UseSetting("DataProtection:KeysDirectory", Path.Combine(_root, "keys"));
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, _port));
        app.StartServer();
        return app;
    }


    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
