using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_shows_the_next_meeting_and_what_is_brought_forward_to_it()
    {
        var page = await browser.OpenAsync("/");

        await Expect(page.GetByTestId("next-meeting")).ToContainTextAsync("Tuesday 28 February 2017, 10:30");
        var rows = page.GetByTestId("brought-forward").GetByTestId("action-row");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("CC");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("home.png"), FullPage = true });
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_January_2017_meeting_page_shows_attendance_agenda_and_actions_arising()
    {
        var page = await browser.OpenAsync("/meetings");
        await page.GetByTestId("meetings-past").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Monthly Assurance Meeting January 2017" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("January 2017");
        await Expect(page.GetByTestId("apologies")).ToContainTextAsync("Chris Singer");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Anthony Bangham" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("agenda-section")).ToHaveCountAsync(8);
        await Expect(page.GetByText("There were no actions arising.").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("action-row").Filter(new() { HasText = "North Worcestershire" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("meeting-january-2017.png"), FullPage = true });
        await page.CloseAsync();
    }

    [Fact]
    public async Task An_action_page_shows_its_history()
    {
        var page = await browser.OpenAsync("/actions?q=JPP");
        await page.GetByTestId("action-link").First.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Action 20");
        await Expect(page.GetByText("holding to account meeting in July 2017").First).ToBeVisibleAsync();
        await Expect(page.GetByText("pilot", new() { Exact = false }).First).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/meetings")]
    [InlineData("/actions")]
    public async Task Pages_meet_WCAG_2_2_AA_as_axe_checks_it(string path)
    {
        var page = await browser.OpenAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });

        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("?theme=dark")]
    public async Task The_board_meets_WCAG_2_2_AA_in_light_and_dark(string theme)
    {
        var page = await browser.OpenAsync(browser.App.DisplayPath + theme, signedIn: false);
        await Expect(page.GetByTestId("board")).ToBeVisibleAsync();

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });

        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"board{(theme.Length == 0 ? "" : "-dark")}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
