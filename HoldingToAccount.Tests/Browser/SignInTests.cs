using HoldingToAccount.Tests.Integration;
using Microsoft.Playwright;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_officer_signs_in_sees_their_own_actions_posts_an_update_and_signs_out()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseAddress.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/my-actions");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await BrowserFixture.SignInAsync(page, AppFixture.BrowserOfficerEmail, "not the password");
        await Expect(page.Locator("#login-error")).ToContainTextAsync("not right");

        await BrowserFixture.SignInAsync(page, AppFixture.BrowserOfficerEmail, browser.App.BrowserPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My actions", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });

        var burglary = page.GetByTestId("my-action").Filter(new() { HasText = "North Worcestershire" });
        await Expect(burglary).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("my-action").Filter(new() { HasText = "sickness levels" })).ToHaveCountAsync(0);
        var text = $"Burglary plan agreed with the LPA commanders ({Guid.NewGuid():N})";
        await burglary.GetByTestId("open-update").ClickAsync();
        await burglary.GetByLabel(new System.Text.RegularExpressions.Regex("Your update on")).FillAsync(text);
        await burglary.GetByTestId("post-update").ClickAsync();
        await Expect(page.GetByText($"Update posted on")).ToBeVisibleAsync();
        await Expect(burglary).ToContainTextAsync(text);
        await Expect(burglary.GetByTestId("action-status")).ToContainTextAsync("Update provided");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("my-actions-after-update.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have signed out.");
        await page.GotoAsync("/my-actions");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await context.CloseAsync();
    }
}
