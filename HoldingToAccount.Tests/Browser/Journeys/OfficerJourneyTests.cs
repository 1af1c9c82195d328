using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser.Journeys;

/// <summary>The chief officer's journey from the reminder e-mail's link, on the demo register.</summary>
[Needs(Need.Database, Need.Browser)]
[Collection(JourneyCollection.Name)]
public sealed class OfficerJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_officer_follows_the_reminder_link_proposes_completion_and_looks_up_who_holds_each_role()
    {
        var page = await browser.OpenAsync("/my-actions");
        var card = page.GetByTestId("my-action").Filter(new() { HasText = "North Worcestershire" });
        var reference = await card.GetAttributeAsync("data-ref");

        // The reminder e-mail links to one action: it is highlighted.
        await page.GotoAsync($"/my-actions?ref={reference!.Replace('/', '-')}");
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        card = page.Locator($"[data-testid=my-action][data-ref='{reference}']");
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("highlighted"));

        var text = $"Plan agreed with every LPA commander ({Guid.NewGuid():N})";
        await card.GetByLabel(new System.Text.RegularExpressions.Regex("Your update on")).FillAsync(text);
        await card.GetByLabel("Propose that this action is complete").CheckAsync();
        await card.GetByTestId("post-update").ClickAsync();
        await Expect(page.GetByText($"Update posted on {reference}")).ToBeVisibleAsync();
        await Expect(card.GetByTestId("action-status")).ToContainTextAsync("Proposed complete");

        // People and roles: readable by everyone, changed only by the secretariat.
        await page.GetByRole(AriaRole.Link, new() { Name = "People and roles" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("People and roles");
        await Expect(page.Locator("[data-testid=role-row][data-code=CC]")).ToContainTextAsync("Anthony Bangham");
        await Expect(page.GetByTestId("add-person")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("record-holder")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("journey-officer-people.png"), FullPage = true });
        await AssertAccessibleAsync(page);

        // The meetings calendar too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Meetings" }).ClickAsync();
        await page.GetByTestId("view-calendar").ClickAsync();
        await Expect(page.GetByTestId("meeting-calendar")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        // The page's own content (a snackbar still fading is half-transparent, which axe reads as low contrast).
        var result = await page.Locator("main").RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))})")));
    }
}
