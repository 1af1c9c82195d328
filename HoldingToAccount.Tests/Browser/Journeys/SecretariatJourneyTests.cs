using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Tests.Browser.Pages;
using Microsoft.Playwright;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser.Journeys;

/// <summary>The secretariat's journeys on the demo register, in an app of their own (they change it).</summary>
[Needs(Need.Database, Need.Browser)]
[Collection(JourneyCollection.Name)]
public sealed class SecretariatJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_secretariat_runs_a_meeting_closing_one_action_carrying_one_and_adding_one_by_quick_entry()
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/meetings");
        var run = await RunMeetingPage.StartFromMeetingsAsync(page, "Monthly Assurance Meeting February 2017");
        await Expect(run.Actions).ToHaveCountAsync(2);
        var (first, second) = await run.ReferencesAsync() is [var a, var b] ? (a, b) : throw new InvalidOperationException("two actions expected");

        await run.CloseAsync(first, "Minimum standard published to every LPA.");
        await Expect(run.Message($"Action {first} closed.")).ToBeVisibleAsync();
        await Expect(run.Action(first).GetByTestId("action-status")).ToContainTextAsync("Closed");

        await run.CarryAsync(second, "April 2017", "Waiting for the HMIC report.");
        await Expect(run.Message($"Action {second} carried.")).ToBeVisibleAsync();
        await Expect(run.Action(second).GetByTestId("moved-on")).ToContainTextAsync("April 2017");

        await run.ShowOnBoardsAsync("4a");
        await Expect(run.BoardFocus).ToContainTextAsync("4a");

        // An action arising, worded the way the notes word it.
        await run.CheckQuickEntryAsync("ACC to bring back a timeline in 3 months");
        await Expect(run.QuickEntryPreview).ToContainTextAsync("ACC to bring back a timeline in 3 months");
        await Expect(run.PreviewOwners).ToHaveValueAsync("ACC");
        await run.SaveQuickEntryAsync();
        await Expect(run.Message("added for ACC")).ToBeVisibleAsync();
        await Expect(run.RegisterRows.Filter(new() { HasText = "ACC to bring back a timeline" })).ToHaveCountAsync(1);

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("journey-run-meeting.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_policy_manager_schedules_a_revisit_in_six_months()
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/revisits");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Revisits");
        await page.GetByTestId("revisit-text").FillAsync("Revisit the confidence strategy in 6 months");
        await page.GetByTestId("schedule-revisit-submit").ClickAsync();
        await Expect(page.GetByText("scheduled")).ToBeVisibleAsync();
        var revisit = page.GetByTestId("revisit").Filter(new() { HasText = "Revisit the confidence strategy in 6 months" });
        await Expect(revisit).ToHaveCountAsync(1);
        await Expect(revisit).ToContainTextAsync("in 6 months");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("journey-schedule-revisit.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
