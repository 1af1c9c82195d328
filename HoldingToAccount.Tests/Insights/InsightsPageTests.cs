using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Insights;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Board;
using HoldingToAccount.Tests.Browser;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Insights;

/// <summary>
/// The Insights page in Chromium over the demo register: each figure drawn as a chart with its summary, its table and its
/// CSV; accessible and reflowing from a desk to a phone; its numbers open the register on the same actions; and the
/// board's performance summary fits the room screen.
/// </summary>
[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class InsightsPageTests(BrowserFixture browser)
{
    private static readonly string[] Figures = ["meetings", "updates", "close-times", "carried", "escalations", "revisits"];

    [Fact]
    public async Task Each_figure_has_a_chart_a_one_sentence_summary_a_table_alternative_and_its_data_as_csv()
    {
        var page = await browser.OpenAsAsync(AppRoles.Chair, "/insights", new() { Width = 1440, Height = 900 });

        await Expect(page.GetByTestId("insights-figure")).ToHaveCountAsync(Figures.Length);
        foreach (var name in Figures)
        {
            var figure = page.Locator($"[data-testid=insights-figure][data-figure='{name}']");
            await Expect(figure.GetByTestId("insights-chart").Locator("svg").First).ToBeVisibleAsync();
            await Expect(figure.GetByTestId("insights-chart")).ToHaveAttributeAsync("role", "img");
            await Expect(figure.GetByTestId("insights-table").Locator("table").First).ToBeVisibleAsync();
            await Expect(figure.GetByTestId("insights-summary")).Not.ToBeEmptyAsync();
        }
        // Other browser tests post updates in the same app, so the counts are Core's at this moment, not fixed numbers;
        // the figures themselves are checked against hand-counted data in InsightsDemoFiguresTests.
        var owners = await UpdatesInTimeNowAsync();
        Assert.Contains(owners, o => o.Owner == "CC" && o.Due > 0);
        await Expect(page.Locator("[data-figure=updates] [data-testid=insights-summary]")).ToHaveTextAsync(InsightsText.Updates(owners));
        var march = page.Locator("[data-testid=insights-meeting-row]").Filter(new() { HasText = "28 Mar 2017" });
        await Expect(march.GetByTestId("link-brought-forward")).ToHaveTextAsync("2");
        await Expect(march.GetByTestId("link-carried")).ToHaveTextAsync("2");

        var csv = await page.APIRequest.GetAsync((await page.Locator("[data-figure=meetings] [data-testid=insights-csv]").GetAttributeAsync("href"))!);
        Assert.True(csv.Ok, $"{csv.Status}");
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        var lines = (await csv.TextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Meeting date,Meeting,Brought forward,Of which carried from before,Closed at the meeting", lines[0]);
        Assert.Contains("2017-03-28,Monthly Assurance Meeting March 2017,2,2,0", lines);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("insights-1440.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1440, 900, 1, "insights-axe-1440")]
    [InlineData(1280, 720, 1, "insights-1280")]
    [InlineData(390, 844, 1, "insights-390x844")]
    [InlineData(640, 360, 2, "insights-1280-at-200-percent")]
    public async Task The_page_meets_WCAG_2_2_AA_and_reflows_without_sideways_scrolling(int width, int height, int scale, string name)
    {
        var signedIn = await browser.OpenAsAsync(AppRoles.Viewer, "/");
        var state = await signedIn.Context.StorageStateAsync();
        await signedIn.Context.CloseAsync();
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.App.BaseAddress.ToString(), Locale = "en-GB", ViewportSize = new() { Width = width, Height = height }, DeviceScaleFactor = scale,
            StorageState = state,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/insights");
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("insights-figure")).ToHaveCountAsync(Figures.Length);
        await Expect(page.GetByTestId("insights-chart").First.Locator("svg").First).ToBeVisibleAsync();

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= innerWidth"), "The page scrolls sideways.");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"{name}.png"), FullPage = true });
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_number_reached_with_the_keyboard_opens_the_register_on_exactly_the_actions_it_counts()
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/insights");
        var carried = page.Locator("[data-testid=insights-meeting-row]").Filter(new() { HasText = "28 Mar 2017" }).GetByTestId("link-carried");
        await Expect(carried).ToHaveTextAsync("2");

        var reached = false;
        for (var presses = 0; presses < 80 && !reached; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await carried.EvaluateAsync<bool>("e => e === document.activeElement");
        }
        Assert.True(reached, "The March 'carried from before' number cannot be reached with Tab.");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/actions\?.*at=\d+"));
        await Expect(page.GetByTestId("register-total")).ToHaveTextAsync("2 actions match these filters");
        await Expect(page.GetByTestId("filter-chips")).ToContainTextAsync("Brought forward to Monthly Assurance Meeting March 2017");
        await Expect(page.GetByTestId("action-link").Filter(new() { HasText = "2017/" })).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    public async Task The_chair_can_put_the_performance_summary_on_the_room_screen_and_it_fits_without_scrolling(int width, int height)
    {
        var services = browser.App.Factory.Services;
        var march = Assert.Single(await services.GetRequiredService<MeetingService>().ListAsync(new DateOnly(2017, 3, 28), new DateOnly(2017, 3, 28)));
        var issued = await services.GetRequiredService<TokenService>().CreateDisplayTokenAsync($"Room {Guid.NewGuid():N}"[..13], "test");
        services.GetRequiredService<RoomScreen>().Show(march.Id, issued.Id, RegisterBuilder.Secretariat);
        var focus = services.GetRequiredService<PresenterFocus>();
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseAddress.ToString(), Locale = "en-GB", ViewportSize = new() { Width = width, Height = height } });
        var board = await context.NewPageAsync();
        await board.GotoAsync($"/board/{issued.Token}");
        await Expect(board.GetByTestId("board")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        try
        {
            focus.Set(march.Id, BoardView.Performance);

            var summary = board.GetByTestId("board-performance");
            await Expect(summary).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await Expect(board.Locator("[data-testid='board-section'][aria-current='step']")).ToHaveAttributeAsync("data-section", BoardView.Performance);
            var cc = (await UpdatesInTimeNowAsync()).Single(o => o.Owner == "CC");
            await Expect(summary.Locator("[data-testid=board-performance-owners] tr[data-owner=CC]")).ToContainTextAsync($"{cc.InTime} of {cc.Due}");
            await Expect(summary.Locator("[data-testid=board-performance-meetings] li")).ToHaveCountAsync(6);
            var fits = await board.EvaluateAsync<bool[]>(@"() => {
                const parts = [...document.querySelectorAll('[data-testid=board-performance] tr, [data-testid=board-performance-meetings] li')];
                const inside = parts.every(p => { const r = p.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5; });
                return [document.scrollingElement.scrollHeight <= innerHeight, document.scrollingElement.scrollWidth <= innerWidth, inside];
            }");
            Assert.Equal([true, true, true], fits);
            var smallest = await summary.Locator("td, th").EvaluateAllAsync<double>("cells => Math.min(...cells.map(c => parseFloat(getComputedStyle(c).fontSize)))");
            Assert.True(smallest >= 24 * height / 1080.0 - 0.5, $"Table text of {smallest}px is too small to read across the room.");
            await board.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"board-performance-{width}x{height}.png") });
        }
        finally
        {
            focus.Set(march.Id, BoardView.Summary);
            await context.CloseAsync();
            await services.GetRequiredService<TokenService>().RevokeDisplayTokenAsync(issued.Id, "test");
        }
    }

    /// <summary>Updates in time per owner for the page's default choice (the series with most held meetings, its last twelve months).</summary>
    private async Task<IReadOnlyList<OwnerUpdates>> UpdatesInTimeNowAsync()
    {
        var insights = browser.App.Factory.Services.GetRequiredService<InsightsService>();
        var query = await insights.QueryAsync(null, null, null) ?? throw new InvalidOperationException("no series with held meetings");
        return (await insights.UpdatesInTimeAsync(query)).Owners;
    }
}
