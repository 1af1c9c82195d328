using Microsoft.Playwright;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

/// <summary>
/// Result messages (snackbars) go away by themselves. MudBlazor times them with the app's TimeProvider, which the
/// browser tests fix at 1 February 2017; moving that clock on is what lets them expire here.
/// </summary>
[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class SnackbarTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_result_message_goes_away_by_itself_even_after_moving_to_another_page()
    {
        var page = await browser.OpenAsync("/my-actions");
        var card = page.GetByTestId("my-action").Filter(new() { HasText = "minimum standard" });
        await card.GetByLabel(new System.Text.RegularExpressions.Regex("Your update on")).FillAsync("Standard drafted with the LPA commanders");
        await card.GetByTestId("post-update").ClickAsync();
        await Expect(page.GetByText("Update posted on")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Action register" }).ClickAsync();

        // The message shows, then fades: each step starts its own timer once the one before has fired.
        for (var step = 0; step < 10 && await page.GetByText("Update posted on").CountAsync() > 0; step++)
        {
            browser.App.Clock.Advance(TimeSpan.FromSeconds(3));
            await Task.Delay(300);
        }

        await Expect(page.GetByText("Update posted on")).ToHaveCountAsync(0, new() { Timeout = 5_000 });
        await page.Context.CloseAsync();
    }
}
