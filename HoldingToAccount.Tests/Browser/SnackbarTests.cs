using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using MudBlazor;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

/// <summary>
/// Result messages (snackbars) go away by themselves. MudBlazor times them with the app's TimeProvider, which the
/// browser tests fix at 1 February 2017; moving that clock past the display time is what lets them expire here (the
/// test app shows and hides them without fading, see <see cref="Integration.AppFixture"/>).
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
        await card.GetByTestId("open-update").ClickAsync();
        await card.GetByLabel(new System.Text.RegularExpressions.Regex("Your update on")).FillAsync("Standard drafted with the LPA commanders");
        await card.GetByTestId("post-update").ClickAsync();
        await Expect(page.GetByText("Update posted on")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Action register" }).ClickAsync();

        await Expect(page.GetByText("Update posted on")).ToBeVisibleAsync();
        var shownFor = browser.App.Factory.Services.GetRequiredService<IOptions<SnackbarConfiguration>>().Value.VisibleStateDuration;
        browser.App.Clock.Advance(TimeSpan.FromMilliseconds(shownFor));

        await Expect(page.GetByText("Update posted on")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
