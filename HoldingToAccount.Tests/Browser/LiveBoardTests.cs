using System.Net;
using System.Net.Http.Json;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class LiveBoardTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_update_posted_in_one_browser_appears_on_the_board_in_another()
    {
        var board = await browser.OpenAsync(browser.App.DisplayPath, signedIn: false);
        var burglary = board.GetByTestId("board-action").Filter(new() { HasText = "North Worcestershire" });
        await Expect(burglary).ToHaveCountAsync(1);
        await Expect(board.GetByTestId("board-updated-at")).Not.ToBeEmptyAsync();

        var editor = await browser.OpenAsync("/my-actions");
        var card = editor.GetByTestId("my-action").Filter(new() { HasText = "North Worcestershire" });
        var text = $"Live from the laptop {Guid.NewGuid():N}";
        await card.GetByTestId("open-update").ClickAsync();
        await card.GetByLabel(new System.Text.RegularExpressions.Regex("Your update on")).FillAsync(text);
        await card.GetByTestId("post-update").ClickAsync();

        await Expect(burglary.GetByTestId("board-latest-update")).ToContainTextAsync(text, new() { Timeout = 10_000 });
        await Expect(board.GetByTestId("board-announcement")).ToContainTextAsync("updated");
        await board.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("board-after-update.png"), FullPage = true });
        await board.Context.CloseAsync();
        await editor.Context.CloseAsync();
    }

    [Fact]
    public async Task An_update_through_the_api_reaches_the_board_too()
    {
        var board = await browser.OpenAsync(browser.App.DisplayPath, signedIn: false);
        var reference = await board.GetByTestId("board-action").Filter(new() { HasText = "minimum standard" }).GetAttributeAsync("data-ref");
        var text = $"Posted through the API {Guid.NewGuid():N}";

        using var response = await browser.App.ClientFor(Principal.OfficerOwning)
            .PostAsJsonAsync($"/api/v1/actions/{reference!.Replace('/', '-')}/updates", new { text });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Expect(board.Locator($"[data-ref='{reference}']").GetByTestId("board-latest-update")).ToContainTextAsync(text, new() { Timeout = 10_000 });
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task A_revoked_display_token_stops_the_board()
    {
        var tokens = browser.App.Factory.Services.GetRequiredService<TokenService>();
        var issued = await tokens.CreateDisplayTokenAsync("Screen to retire", "test");
        var board = await browser.OpenAsync($"/board/{issued.Token}", signedIn: false);
        await Expect(board.GetByTestId("board")).ToBeVisibleAsync();

        await tokens.RevokeDisplayTokenAsync(issued.Id, "test");

        await Expect(board.GetByText("This display link is not valid")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(board.GetByTestId("board-action")).ToHaveCountAsync(0);
        await board.ReloadAsync();
        await Expect(board.GetByText("This display link is not valid")).ToBeVisibleAsync();
        await board.Context.CloseAsync();
    }

    [Fact]
    public async Task A_signed_in_chair_moves_the_board_with_the_keyboard_and_other_boards_follow()
    {
        var follower = await browser.OpenAsync(browser.App.DisplayPath, signedIn: false);
        var chair = await browser.OpenAsAsync(AppRoles.Chair, browser.App.DisplayPath);
        await Expect(chair.GetByRole(AriaRole.Button, new() { Name = "Next item" })).ToBeVisibleAsync();
        await chair.GetByTestId("board").FocusAsync();

        await chair.Keyboard.PressAsync("ArrowRight");

        await Expect(chair.Locator("[data-testid='board-section'][aria-current='step']")).ToHaveAttributeAsync("data-section", "2");
        await Expect(follower.Locator("[data-testid='board-section'][aria-current='step']")).ToHaveAttributeAsync("data-section", "2", new() { Timeout = 10_000 });
        await Expect(follower.GetByRole(AriaRole.Button, new() { Name = "Next item" })).ToHaveCountAsync(0);

        await chair.Keyboard.PressAsync("ArrowLeft");
        await Expect(follower.Locator("[data-testid='board-section'][aria-current='step']")).ToHaveAttributeAsync("data-section", "1", new() { Timeout = 10_000 });
        await chair.Context.CloseAsync();
        await follower.Context.CloseAsync();
    }
}
