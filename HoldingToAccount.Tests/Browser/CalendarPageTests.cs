using System.Net;
using System.Text.RegularExpressions;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.Playwright;
using HoldingToAccount.Tests.TestData;
using static Microsoft.Playwright.Assertions;

namespace HoldingToAccount.Tests.Browser;

[Needs(Need.Database, Need.Browser)]
[Collection(BrowserCollection.Name)]
public sealed partial class CalendarPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_officer_makes_a_calendar_address_subscribes_to_it_and_revokes_it()
    {
        var page = await browser.OpenAsAsync(AppRoles.Officer, "/calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a new calendar address" }).ClickAsync();

        var shown = await page.GetByTestId("calendar-addresses").InnerTextAsync();
        var personFeed = PersonFeed().Match(shown).Value;
        Assert.NotEmpty(personFeed);
        using var http = new HttpClient();
        var ics = await http.GetStringAsync(personFeed);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("Monthly Assurance Meeting", ics, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke the address") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(page.GetByText("The calendar address is revoked.")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(personFeed)).StatusCode);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"http://\S+/ical/person/\S+\.ics")]
    private static partial Regex PersonFeed();
}
