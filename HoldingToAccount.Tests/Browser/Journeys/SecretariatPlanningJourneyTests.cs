using HoldingToAccount.Dashboard.Auth;
using Microsoft.Playwright;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser.Journeys;

/// <summary>The secretariat keeps people, roles and the meeting calendar (in the journeys' own app: they change it).</summary>
[Needs(Need.Database, Need.Browser)]
[Collection(JourneyCollection.Name)]
public sealed class SecretariatPlanningJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_secretariat_adds_a_person_and_records_them_as_a_temporary_ACC()
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/people");
        var name = $"Rachel Jones {Guid.NewGuid().ToString("N")[..6]}";
        await page.GetByTestId("add-person").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync(name);
        await dialog.GetByTestId("person-save").ClickAsync();
        await Expect(page.GetByText($"{name} added.")).ToBeVisibleAsync();

        var row = page.Locator($"[data-testid=person-row][data-person='{name}']");
        await row.GetByTestId("add-holding").ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Role").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "ACC –" }).ClickAsync();
        await dialog.GetByLabel("First day held").FillAsync("01/03/2017");
        await dialog.GetByLabel("First day held").PressAsync("Tab");
        await dialog.GetByLabel("Temporary (shown as T/, e.g. T/DCC)").CheckAsync();
        await dialog.GetByTestId("holding-save").ClickAsync();

        await Expect(row.GetByTestId("holding")).ToContainTextAsync("T/ACC");
        await Expect(row.GetByTestId("holding")).ToContainTextAsync("from 1 Mar 2017 (still held)");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("journey-people.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_secretariat_adds_a_meeting_sees_it_on_the_calendar_and_cancels_it_after_seeing_what_follows()
    {
        var page = await browser.OpenAsAsync(AppRoles.Secretariat, "/meetings");
        await page.GetByTestId("add-meeting").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Series").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await dialog.GetByLabel("Date").FillAsync("03/06/2031");
        await dialog.GetByLabel("Date").PressAsync("Tab");
        await dialog.GetByTestId("meeting-save").ClickAsync();
        await Expect(page.GetByText("added for Tuesday 3 June 2031")).ToBeVisibleAsync();

        var row = page.GetByTestId("meeting-row").Filter(new() { HasText = "Tuesday 3 June 2031" });
        await Expect(row).ToContainTextAsync("Planned");
        await row.GetByTestId("cancel-meeting").ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("following-summary")).ToBeVisibleAsync();
        await dialog.GetByTestId("change-confirm").ClickAsync();
        await Expect(row).ToContainTextAsync("Cancelled");

        // By keyboard: the fixed app bar may cover the button after the list scrolled.
        await page.GetByTestId("view-calendar").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("meeting-calendar")).ToBeVisibleAsync();
        // It opens on the month of the next meeting; the arrows move month by month.
        var month = await page.GetByTestId("calendar-month").TextContentAsync() ?? "";
        await Expect(page.GetByTestId("calendar-meeting").First).ToBeVisibleAsync();
        await page.GetByTestId("calendar-next").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("calendar-month")).Not.ToHaveTextAsync(month);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("journey-meetings-calendar.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
