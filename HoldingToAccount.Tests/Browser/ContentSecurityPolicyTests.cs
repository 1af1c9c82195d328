using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.TestData;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

/// <summary>Pages run under a policy that lets only the app's own scripts run, and still work in full under it.</summary>
[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/actions")]
    [InlineData("/meetings")]
    [InlineData("/my-actions")]
    public async Task A_page_becomes_interactive_with_no_script_or_connection_refused_by_its_policy(string path)
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/");
        var refused = Watch(page);
        var response = await page.GotoAsync(path);

        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self' 'nonce-", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Empty(refused);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_board_follows_its_display_link_under_the_policy()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseAddress.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var refused = Watch(page);

        await page.GotoAsync(browser.App.DisplayPath);

        await Expect(page.GetByTestId("board")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        Assert.Empty(refused);
        await context.CloseAsync();
    }

    private static List<string> Watch(IPage page)
    {
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                refused.Add(message.Text);
        };
        page.PageError += (_, error) => refused.Add(error);
        return refused;
    }
}
