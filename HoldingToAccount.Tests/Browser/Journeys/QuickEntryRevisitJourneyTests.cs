using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.Browser.Pages;
using HoldingToAccount.Tests.TestData;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser.Journeys;

/// <summary>A revisit agreed in the meeting, typed into quick entry as the notes word it.</summary>
[Needs(Need.Database, Need.Browser)]
[Collection(JourneyCollection.Name)]
public sealed class QuickEntryRevisitJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task PCC_to_revisit_in_6_months_time_typed_in_quick_entry_shows_on_the_revisits_page()
    {
        const string Line = "PCC to revisit the rural crime strategy in 6 months' time";
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/meetings");
        var run = await RunMeetingPage.StartFromMeetingsAsync(page, "Monthly Assurance Meeting February 2017");

        await run.CheckQuickEntryAsync(Line);
        await Expect(run.QuickEntryPreview).ToContainTextAsync(Line);
        await Expect(page.GetByTestId("preview-revisit")).ToContainTextAsync("recorded as a revisit");
        await Expect(run.PreviewOwners).ToHaveValueAsync("PCC");
        await run.SaveQuickEntryAsync();
        await Expect(run.Message("added for PCC")).ToBeVisibleAsync();

        await page.GotoAsync("/revisits");
        var revisit = page.GetByTestId("revisit").Filter(new() { HasText = "rural crime strategy" });
        await Expect(revisit).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(revisit).ToContainTextAsync("PCC");
        await Expect(page.GetByTestId("revisit-month").Filter(new() { Has = revisit }).Locator("h2")).ToHaveTextAsync("August 2017");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("journey-quick-entry-revisit.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
