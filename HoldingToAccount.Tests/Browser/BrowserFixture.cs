using HoldingToAccount.Tests.Integration;
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
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> OpenAsync(string path)
    {
        var page = await Browser.NewPageAsync(new() { BaseURL = App.BaseAddress.ToString(), Locale = "en-GB" });
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        return page;
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
