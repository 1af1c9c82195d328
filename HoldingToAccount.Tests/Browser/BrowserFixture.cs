using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HoldingToAccount.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright against the app on real Kestrel.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public AppFixture App { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        // Two cores run the app, its database, the browser and the tests at once; a page may take longer than the
        // default five seconds to show what it will show; a check that fails still fails, only later.
        Assertions.SetDefaultExpectTimeout(15_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>The officer's signed-in browser state, made once by signing in through the form.</summary>
    private string? _signedIn;

    /// <summary>Opens a page signed in as the officer who holds CC (or anonymously), and waits for the circuit;
    /// at 1280×720 unless <paramref name="viewport"/> says otherwise.</summary>
    public async Task<IPage> OpenAsync(string path, bool signedIn = true, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "en-GB",
            StorageState = signedIn ? _signedIn ??= await SignInOnceAsync() : null,
            ViewportSize = viewport,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        return page;
    }

    private readonly Dictionary<string, string> _signedInAs = [];

    /// <summary>Opens a page signed in as a user of the given app role (made for this run, linked to a demo person).</summary>
    public async Task<IPage> OpenAsAsync(string role, string path, ViewportSize? viewport = null)
    {
        if (!_signedInAs.TryGetValue(role, out var state))
        {
            var email = $"{role.ToLowerInvariant()}.browser@example.org";
            var person = role switch
            {
                AppRoles.Secretariat => "sam.carter@example.org",
                AppRoles.Chair => "john.campion@example.org",
                AppRoles.Officer => "anthony.bangham@example.org",
                _ => "andy.champness@example.org",
            };
            await using (var scope = App.Factory.Services.CreateAsyncScope())
            {
                var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
                if (await accounts.FindAsync(email) is null)
                    await accounts.CreateUserAsync(new NewUser(email, $"{role} (browser)", role, person), App.BrowserPassword, "test");
            }
            await using var context = await Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString() });
            var login = await context.NewPageAsync();
            await login.GotoAsync("/account/login");
            await SignInAsync(login, email, App.BrowserPassword);
            await Assertions.Expect(login.GetByTestId("signed-in-as")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            state = _signedInAs[role] = await context.StorageStateAsync();
        }
        var page = await (await Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString(), Locale = "en-GB", StorageState = state, ViewportSize = viewport })).NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        return page;
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private async Task<string> SignInOnceAsync()
    {
        await using var context = await Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await SignInAsync(page, AppFixture.BrowserOfficerEmail, App.BrowserPassword);
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        return await context.StorageStateAsync();
    }

    public static string ArtifactPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The user journeys change the register (close, carry, add), so they get an app and database of their own.</summary>
[CollectionDefinition(Name)]
public sealed class JourneyCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "journeys";
}
