using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.TestData;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

/// <summary>The Meetings and Audit pages on the demo register, on a desktop and on a phone.</summary>
[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed class MeetingsAndAuditPageTests(BrowserFixture browser)
{
    private static Task<bool> FitsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");

    [Theory]
    [InlineData(1440, 900, "meetings-1440.png")]
    [InlineData(390, 844, "meetings-390x844.png")]
    public async Task The_meetings_page_opens_on_the_next_meeting_and_fits_the_screen(int width, int height, string screenshot)
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/meetings");
        await page.SetViewportSizeAsync(width, height);

        await Expect(page.GetByTestId("meetings-upcoming")).ToHaveAttributeAsync("aria-pressed", "true");
        var first = page.GetByTestId("meeting-row").First;
        await Expect(first).ToContainTextAsync("February 2017");
        Assert.True(await FitsSidewaysAsync(page), "the Meetings page scrolls sideways");
        Assert.True(await first.EvaluateAsync<bool>("row => row.getBoundingClientRect().right <= window.innerWidth"), "a meeting row is wider than the screen");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath(screenshot), FullPage = true });

        await page.GetByTestId("meetings-past").ClickAsync();
        await Expect(page.GetByTestId("past-meetings")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("meeting-row").First).ToContainTextAsync("January 2017");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_audit_trail_reads_as_sentences_with_the_recorded_values_a_click_away()
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/audit");
        await page.SetViewportSizeAsync(1440, 900);

        var sentences = page.GetByTestId("audit-sentence");
        await Expect(sentences.First).ToBeVisibleAsync();
        var texts = await sentences.AllInnerTextsAsync();
        Assert.All(texts, t => Assert.Matches(@" — \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$", t));
        Assert.DoesNotContain(texts, t => t.Contains("OwnersId", StringComparison.Ordinal));

        await page.GetByTestId("audit-row").First.Locator("summary").ClickAsync();
        await Expect(page.GetByTestId("audit-row").First.Locator(".audit-changes, span").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("audit-1440.png"), FullPage = false });

        await page.GetByTestId("audit-action").FillAsync("2017/01");
        await page.GetByTestId("audit-action").PressAsync("Tab");
        await Expect(page.GetByTestId("audit-sentence").First).ToContainTextAsync("2017/01");
        await page.Context.CloseAsync();
    }
}
