using System.Net;
using System.Text.RegularExpressions;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task A_secretariat_account_not_linked_to_a_person_is_offered_only_the_meetings_feeds_and_they_answer()
    {
        const string email = "secretariat.unlinked@example.org";
        await using (var scope = browser.App.Factory.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            if (await accounts.FindAsync(email) is null)
                await accounts.CreateUserAsync(new NewUser(email, "Policy manager (no person)", AppRoles.Secretariat), browser.App.BrowserPassword, "test");
        }
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.App.BaseAddress.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fcalendar");
        await BrowserFixture.SignInAsync(page, email, browser.App.BrowserPassword);
        await Expect(page.GetByTestId("render-mode")).ToHaveTextAsync("interactive", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("calendar-no-person")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Make a new calendar address" }).ClickAsync();
        var shown = await page.GetByTestId("calendar-addresses").InnerTextAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("calendar-feeds-unlinked-secretariat.png"), FullPage = true });

        Assert.DoesNotMatch(PersonFeed(), shown);
        var seriesFeeds = SeriesFeed().Matches(shown).Select(m => m.Value).ToList();
        Assert.NotEmpty(seriesFeeds);
        using var http = new HttpClient();
        foreach (var feed in seriesFeeds)
            Assert.StartsWith("BEGIN:VCALENDAR", await http.GetStringAsync(feed), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [GeneratedRegex(@"http://\S+/ical/series/\d+/\S+\.ics")]
    private static partial Regex SeriesFeed();

    [GeneratedRegex(@"http://\S+/ical/person/\S+\.ics")]
    private static partial Regex PersonFeed();
}
