using HoldingToAccount.Dashboard.Auth;
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
        await page.GetByRole(AriaRole.Link, new() { Name = "Monthly Assurance Meeting February 2017" }).ClickAsync();
        await page.GetByTestId("run-meeting").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Run: Monthly Assurance Meeting February 2017");
        var actions = page.GetByTestId("run-action");
        await Expect(actions).ToHaveCountAsync(2);
        var first = await actions.Nth(0).GetAttributeAsync("data-ref");
        var second = await actions.Nth(1).GetAttributeAsync("data-ref");

        // Close the first, with a closing note.
        await actions.Nth(0).GetByTestId("decision-close").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Closing note").FillAsync("Minimum standard published to every LPA.");
        await dialog.GetByLabel("Closing note").PressAsync("Tab");
        await dialog.GetByTestId("decision-confirm").ClickAsync();
        await Expect(page.GetByText($"Action {first} closed.")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=run-action][data-ref='{first}'] [data-testid=action-status]")).ToContainTextAsync("Closed");

        // Carry the second to April, with a reason.
        await page.Locator($"[data-testid=run-action][data-ref='{second}'] [data-testid=decision-carry]").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Carry to meeting").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "April 2017" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Reason").FillAsync("Waiting for the HMIC report.");
        // Leave the field as a person would, so its value is committed before the button is pressed.
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Reason").PressAsync("Tab");
        await page.GetByRole(AriaRole.Dialog).GetByTestId("decision-confirm").ClickAsync();
        await Expect(page.GetByText($"Action {second} carried.")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=run-action][data-ref='{second}'] [data-testid=moved-on]")).ToContainTextAsync("April 2017");

        // Show the next agenda section on every board.
        await page.Locator("[data-testid=board-focus-section][data-section='4a'] button").ClickAsync();
        await Expect(page.GetByTestId("board-focus-current")).ToContainTextAsync("4a");

        // Add an action arising the way the notes word it.
        await page.GetByTestId("quick-entry-text").FillAsync("ACC to bring back a timeline in 3 months");
        await page.GetByTestId("quick-entry-check").ClickAsync();
        await Expect(page.GetByTestId("quick-entry-preview")).ToContainTextAsync("ACC to bring back a timeline in 3 months");
        await Expect(page.GetByTestId("preview-owners")).ToHaveValueAsync("ACC");
        await page.GetByTestId("quick-entry-save").ClickAsync();
        await Expect(page.GetByText("added for ACC")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("action-row").Filter(new() { HasText = "ACC to bring back a timeline" })).ToHaveCountAsync(1);

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
