using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.Integration;
using HoldingToAccount.Tests.TestData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Proxy;

/// <summary>
/// The scale-out deployment the README describes, on real parts: two app instances on one PostgreSQL database behind
/// Debian's nginx (ip_hash, WebSocket headers, X-Forwarded-For/Proto), a person with a browser-like cookie jar, and
/// room-screen boards in a real Chromium. One instance goes away mid-morning; nobody has to sign in again and the
/// screens come back by themselves. Always on PostgreSQL: that is the only database several instances can share.
/// </summary>
[Needs(Need.Database, Need.Browser)]
public sealed class SeveralInstancesBehindNginxTests : IAsyncLifetime
{
    private const string Email = "dana.hollis@example.org";
    private readonly string _password = $"Test-{Guid.NewGuid():N}";
    private readonly string _root = Directory.CreateTempSubdirectory("hta-scaleout-").FullName;
    private readonly FakeTimeProvider _clock = new(London.ToInstant(new DateOnly(2017, 2, 1), new TimeOnly(9, 0)));
    private ScratchDatabase _database = null!;
    private readonly Dictionary<int, WebApplicationFactory<Program>> _instances = [];
    private NginxProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync(DatabaseProvider.Postgres);
        foreach (var port in new[] { Loopback.FreePort(), Loopback.FreePort() })
            _instances[port] = Start(port);
        _proxy = await NginxProxy.StartAsync([.. _instances.Keys]);
        await using var scope = _instances.Values.First().Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateUserAsync(new NewUser(Email, "Dana Hollis", AppRoles.Secretariat, null), _password, "test");
    }

    [Fact]
    public async Task A_person_stays_signed_in_and_the_boards_stay_live_when_the_instance_serving_them_stops()
    {
        using var person = Client("127.0.0.3", _proxy.Http, new CookieContainer());
        using var signedIn = await FormSignIn.PostAsync(person, Email, _password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var near = ServedBy(signedIn);
        var far = _instances.Keys.Single(port => port != near);

        var tokens = _instances[near].Services.GetRequiredService<TokenService>();
        var display = await tokens.CreateDisplayTokenAsync("Conference room", "test");
        var user = await _instances[near].Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AccountService>().FindAsync(Email);
        using var api = Client("127.0.0.3", _proxy.Http, new CookieContainer());
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await tokens.CreateApiTokenAsync(user!.Id, "script", "test")).Token);
        var burglary = (await _instances[near].Services.GetRequiredService<ActionService>().FindAsync(new ActionFilter(Text: "North Worcestershire"))).Items.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var roomOnFar = await OpenBoardAsync(chromium, new Uri($"http://127.0.0.1:{far}/board/{display.Token}"));
        var roomThroughProxy = await OpenBoardAsync(chromium, new Uri(_proxy.Http, $"/board/{display.Token}"));

        using (var posted = await api.PostAsJsonAsync($"/api/v1/actions/{ActionReference.ToUrl(burglary.Reference)}/updates", new { text = "Posted through the proxy" }))
        {
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            Assert.Equal(near, ServedBy(posted));
        }
        foreach (var board in new[] { roomOnFar, roomThroughProxy })
            await Expect(LatestUpdate(board, burglary.Reference)).ToContainTextAsync("Posted through the proxy", new() { Timeout = 15_000 });
        await roomOnFar.ScreenshotAsync(new() { Path = Screenshot("board-on-the-other-instance.png") });

        await _instances[near].DisposeAsync();
        _instances.Remove(near);

        using (var page = await person.GetAsync("/meetings"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(far, ServedBy(page));
        }
        await Expect(roomThroughProxy.Locator("#board-connection")).ToBeEmptyAsync(new() { Timeout = 30_000 });
        await Expect(roomThroughProxy.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 30_000 });
        Assert.EndsWith($"/board/{display.Token}", roomThroughProxy.Url);
        using (var posted = await api.PostAsJsonAsync($"/api/v1/actions/{ActionReference.ToUrl(burglary.Reference)}/updates", new { text = "Posted after the first instance stopped" }))
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        await Expect(LatestUpdate(roomThroughProxy, burglary.Reference)).ToContainTextAsync("Posted after the first instance stopped", new() { Timeout = 15_000 });
        await roomThroughProxy.ScreenshotAsync(new() { Path = Screenshot("board-through-the-proxy-after-failover.png") });
    }

    [Fact]
    public async Task Failed_sign_ins_from_one_computer_behind_the_proxy_do_not_lock_out_the_others()
    {
        using var mistyped = Client("127.0.0.4", _proxy.Http, new CookieContainer());
        HttpStatusCode last;
        var attempts = 0;
        do
        {
            using var attempt = await FormSignIn.PostAsync(mistyped, "nobody@example.org", "not the password");
            last = attempt.StatusCode;
        }
        while (last != HttpStatusCode.TooManyRequests && ++attempts < 10);
        Assert.Equal(HttpStatusCode.TooManyRequests, last);

        using var colleague = Client("127.0.0.5", _proxy.Http, new CookieContainer());
        using var signedIn = await FormSignIn.PostAsync(colleague, Email, _password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("/account/login", signedIn.Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task Signing_in_through_the_proxy_over_HTTPS_gives_a_cookie_sent_only_over_HTTPS()
    {
        using var person = Client("127.0.0.6", _proxy.Https, new CookieContainer());

        using var signedIn = await FormSignIn.PostAsync(person, Email, _password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hta.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private WebApplicationFactory<Program> Start(int port)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in _database.Configuration)
                web.UseSetting(key, value);
            web.UseSetting("Email:PickupDirectory", Path.Combine(_root, "mail"));
            web.UseSetting("DataProtection:KeysDirectory", Path.Combine(_root, $"keys-{port}"));
            web.UseSetting("App:ForwardedHeaders:KnownProxies:0", NginxProxy.ProxyAddress);
            web.UseSetting("RateLimits:SignInPerClient", "3");
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        return factory;
    }

    /// <summary>A client on its own loopback address, as a separate computer in the office would be to the proxy.</summary>
    private HttpClient Client(string from, Uri proxy, CookieContainer cookies) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = cookies,
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _proxy.CertificateHash },
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancel);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = proxy };

    /// <summary>The instance nginx handed the request to (the last it tried, when the first did not answer).</summary>
    private static int ServedBy(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("X-Upstream").Single().Split(',').Last().Trim().Split(':').Last());

    private static async Task<IPage> OpenBoardAsync(IBrowser chromium, Uri link)
    {
        var board = await chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        await board.GotoAsync(link.ToString());
        await Expect(board.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        await Expect(board.GetByTestId("board")).ToBeVisibleAsync();
        return board;
    }

    private static ILocator LatestUpdate(IPage board, string reference) =>
        board.Locator($"[data-ref='{reference}']").GetByTestId("board-latest-update");

    private static string Screenshot(string name) => Browser.BrowserFixture.ArtifactPath("proxy-" + name);

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        foreach (var instance in _instances.Values)
            await instance.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
