using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.Browser;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Publishing;

/// <summary>Publishing changes meetings other browser tests read, so these tests get an app and browser of their own.</summary>
[CollectionDefinition(Name)]
public sealed class PublishingCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "publishing";
}

/// <summary>
/// The secretariat publishes a held meeting's notes from the meeting page, and an anonymous visitor reads them in real
/// Chromium on a wide screen, a phone, a 320 px window and at 200 % zoom: laid out without sideways scrolling, clean
/// under axe, usable from the keyboard, restricted actions left out, and gone once withdrawn.
/// </summary>
[Needs(Need.Database, Need.Browser)]
[Collection(PublishingCollection.Name)]
public sealed class PublicPagesBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string, int, int, float> Screens => new()
    {
        { "1440", 1440, 900, 1 },
        { "390x844", 390, 844, 3 },
        { "320", 320, 640, 1 },
        // 200 % zoom of a 1280 px window: the page lays out in 640 CSS px drawn at twice the size.
        { "zoom200", 640, 400, 2 },
    };

    private async Task<MeetingSummary> JanuaryAsync() =>
        Assert.Single(await browser.App.Factory.Services.GetRequiredService<MeetingService>().ListAsync(new DateOnly(2017, 1, 31), new DateOnly(2017, 1, 31)));

    /// <summary>Publishes January 2017 through the meeting page as the secretariat, keeping one action out; returns that action.</summary>
    private async Task<string> PublishJanuaryAsync()
    {
        var january = await JanuaryAsync();
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, $"/meetings/{january.Id}");
        var panel = page.GetByTestId("publication");
        await Expect(panel).ToBeVisibleAsync();
        var kept = page.GetByTestId("publication-action").First;
        var reference = (await kept.GetAttributeAsync("data-ref"))!;
        if (await page.GetByTestId("publish-notes").CountAsync() == 1)
        {
            // MudBlazor puts the test id on the switch's input itself or on its wrapper, depending on the version.
            var seriesPublic = page.Locator("input[data-testid=series-public], [data-testid=series-public] input");
            if (!await seriesPublic.IsCheckedAsync())
            {
                await seriesPublic.CheckAsync();
                await Expect(page.GetByTestId("publish-notes")).ToBeEnabledAsync();
            }
            var restrict = kept.Locator("input[type=checkbox]");
            if (!await restrict.IsCheckedAsync())
            {
                await restrict.CheckAsync();
                await Expect(restrict).ToBeCheckedAsync();
            }
            await page.GetByTestId("publish-notes").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("publication-state")).ToContainTextAsync("Published on");
            await Expect(page.GetByTestId("withdraw-notes")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("publishing-panel.png"), FullPage = true });
        }
        await page.Context.CloseAsync();
        return reference;
    }

    private async Task<IPage> OpenAnonymousAsync(string path, int width, int height, float scale)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new() { Width = width, Height = height },
            DeviceScaleFactor = scale,
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(width[0] <= width[1], $"{what} is {width[0]} px wide in a {width[1]} px window");
    }

    private static async Task AssertAxeCleanAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(result.Violations.Length == 0,
            what + ":\n" + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task An_anonymous_visitor_reads_the_published_notes_and_action_log_on_any_screen(string screen, int width, int height, float scale)
    {
        var restricted = await PublishJanuaryAsync();
        var january = await JanuaryAsync();

        var list = await OpenAnonymousAsync("/public", width, height, scale);
        await Expect(list.GetByTestId("public-meeting").Filter(new() { HasText = january.Title })).ToBeVisibleAsync();
        await list.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"public-list-{screen}.png"), FullPage = true });
        await AssertNoSidewaysScrollAsync(list, $"/public at {screen}");
        await AssertAxeCleanAsync(list, $"/public at {screen}");

        await list.GetByRole(AriaRole.Link, new() { Name = "Read the notes of " + january.Title }).ClickAsync();
        await Expect(list).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/public/meetings/{january.Id}$"));
        await Expect(list.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{january.Title} – Meeting Notes");
        await Expect(list.GetByTestId("public-notes")).Not.ToContainTextAsync(restricted);
        await list.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"public-notes-{screen}.png"), FullPage = true });
        await AssertNoSidewaysScrollAsync(list, $"the notes at {screen}");
        await AssertAxeCleanAsync(list, $"the notes at {screen}");

        await list.GotoAsync("/public/actions");
        var log = list.GetByTestId("public-actions");
        await Expect(log).ToBeVisibleAsync();
        await Expect(list.Locator($"[data-testid=public-action][data-ref='{restricted}']")).ToHaveCountAsync(0);
        await Expect(list.GetByTestId("public-action").First).ToBeVisibleAsync();
        await list.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath($"public-actions-{screen}.png"), FullPage = true });
        // Its caption reads across the log, not squeezed into a narrow column a word to a line.
        var widths = await log.EvaluateAsync<double[]>("t => [t.querySelector('caption').getBoundingClientRect().width, t.getBoundingClientRect().width]");
        Assert.True(widths[0] >= 0.9 * widths[1], $"the action log's caption is {widths[0]:F0} px wide over a {widths[1]:F0} px log at {screen}");
        await AssertNoSidewaysScrollAsync(list, $"the action log at {screen}");
        await AssertAxeCleanAsync(list, $"the action log at {screen}");
        await list.Context.CloseAsync();
    }

    [Fact]
    public async Task The_keyboard_skips_to_the_content_and_reaches_every_link_with_a_visible_focus_ring()
    {
        await PublishJanuaryAsync();
        var page = await OpenAnonymousAsync("/public", 1280, 800, 1);

        // The skip link is the first thing a keyboard reaches and shows itself when focused; the page itself starts with
        // the focus on its heading (as every page of the app does after navigation), so Tab goes on into the content.
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('a, button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])')?.textContent.trim() === 'Skip to content'"));
        await skip.FocusAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.closest('main') ? document.activeElement.textContent.trim() : 'outside main'");
        Assert.NotEqual("outside main", focused);
        var ring = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.StartsWith("solid 3px", ring, StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/public/(meetings/\\d+|actions)$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Withdrawn_notes_are_gone_for_the_visitor_and_the_meeting_page_says_why()
    {
        await PublishJanuaryAsync();
        var january = await JanuaryAsync();
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, $"/meetings/{january.Id}");

        await page.GetByTestId("withdraw-notes").ClickAsync();
        await page.GetByTestId("withdraw-confirm").ClickAsync();
        await Expect(page.GetByTestId("withdraw-dialog")).ToContainTextAsync("Say why the notes are withdrawn");
        await page.Locator("textarea[data-testid=withdraw-reason], [data-testid=withdraw-reason] textarea").First.FillAsync("A name in item 4a was published by mistake");
        await page.GetByTestId("withdraw-confirm").ClickAsync();

        await Expect(page.GetByTestId("publication-state")).ToContainTextAsync("Withdrawn on");
        await Expect(page.GetByTestId("publication-state")).ToContainTextAsync("A name in item 4a was published by mistake");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("publishing-withdrawn.png"), FullPage = true });
        await page.Context.CloseAsync();

        var visitor = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseAddress.ToString() });
        var gone = await visitor.NewPageAsync();
        var response = await gone.GotoAsync($"/public/meetings/{january.Id}");
        Assert.Equal(404, response!.Status);
        await Expect(gone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("These notes are not published");
        await gone.GotoAsync("/public");
        await Expect(gone.GetByTestId("public-empty")).ToBeVisibleAsync();
        await gone.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("public-list-empty.png"), FullPage = true });
        await visitor.CloseAsync();
    }
}
