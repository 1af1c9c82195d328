using System.Net;
using HoldingToAccount.Core;
using HoldingToAccount.Tests.TestData;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HoldingToAccount.Tests.Integration;

/// <summary>
/// The whole app on real Kestrel (loopback, free port) over its own SQLite file — or its own PostgreSQL database when
/// <c>HTA_TEST_PROVIDER=Postgres</c> — in Development so the demo register loads on the empty database. The clock is fixed at 1 February 2017, between the January and February meetings.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2017, 2, 1);
    private ScratchDatabase _database = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>Where the app "sends" e-mail in tests: a pickup folder of .eml files of its own.</summary>
    public string MailPickup { get; } = Path.Combine(Path.GetTempPath(), $"hta-mail-{Guid.NewGuid():N}");
    public FakeTimeProvider Clock { get; } = new(London.ToInstant(Today, new TimeOnly(9, 0)));
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A viewer's API client: reads everything, changes nothing.</summary>
    public HttpClient Client => ClientFor(Principal.Viewer);

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>A password made for this run, for the browser's sign-in as <see cref="BrowserOfficerEmail"/>.</summary>
    public string BrowserPassword { get; } = $"Test-{Guid.NewGuid():N}";
    public const string BrowserOfficerEmail = "cc.browser@example.org";
    public string DisplayPath { get; private set; } = "";

    private readonly Dictionary<Principal, HttpClient> _clients = [];

    /// <summary>Configuration on top of the embedded defaults, for an app set up differently from the shared one.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public HttpClient ClientFor(Principal principal) => principal == Principal.Anonymous ? Anonymous : _clients[principal];

    public virtual async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            foreach (var (key, value) in _database.Configuration)
                web.UseSetting(key, value);
            web.UseSetting("Email:PickupDirectory", MailPickup);
            web.UseSetting("DataProtection:KeysDirectory", Path.Combine(Path.GetTempPath(), $"hta-keys-{Guid.NewGuid():N}"));
            foreach (var (key, value) in Settings)
                web.UseSetting(key, value);
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // Result messages appear and go without fading, so one move of the clock past their display time ends them.
                services.PostConfigure<MudBlazor.SnackbarConfiguration>(snackbars =>
                {
                    snackbars.ShowTransitionDuration = 0;
                    snackbars.HideTransitionDuration = 0;
                });
            });
        });
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseAddress = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Anonymous = new HttpClient { BaseAddress = BaseAddress };

        await using var scope = Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var tokens = Factory.Services.GetRequiredService<TokenService>();
        await accounts.CreateUserAsync(new NewUser("alex.morgan@example.org", "Alex Morgan", AppRoles.Officer, "alex.morgan@example.org"), null, "test");
        await accounts.CreateUserAsync(new NewUser(BrowserOfficerEmail, "Anthony Bangham (browser)", AppRoles.Officer, "anthony.bangham@example.org"), BrowserPassword, "test");
        foreach (var (principal, email) in new[]
        {
            (Principal.Secretariat, "sam.carter@example.org"), (Principal.Chair, "john.campion@example.org"),
            (Principal.OfficerOwning, "anthony.bangham@example.org"), (Principal.OfficerNotOwning, "alex.morgan@example.org"),
            (Principal.Viewer, "andy.champness@example.org"),
        })
        {
            var user = await accounts.FindAsync(email) ?? throw new InvalidOperationException($"demo user {email} missing");
            var token = await tokens.CreateApiTokenAsync(user.Id, "tests", "test");
            _clients[principal] = Bearer(token.Token);
        }
        var display = await tokens.CreateDisplayTokenAsync("Conference room", "test");
        DisplayPath = $"/board/{display.Token}";
        _clients[Principal.DisplayToken] = Bearer(display.Token);
    }

    public HttpClient Bearer(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public virtual async Task DisposeAsync()
    {
        Anonymous.Dispose();
        foreach (var client in _clients.Values)
            client.Dispose();
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>The callers the permission table speaks of.</summary>
public enum Principal { Anonymous, Secretariat, Chair, OfficerOwning, OfficerNotOwning, Viewer, DisplayToken }

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
