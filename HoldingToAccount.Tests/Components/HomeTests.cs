using Bunit;
using HoldingToAccount.Core.People;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Components;

public sealed class HomeTests : DashboardContext
{
    private int _ccHolder;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ccHolder = (await Database.AddHolderAsync("CC", "Anthony Bangham", new DateOnly(2016, 1, 1), email: "ab@example.org")).PersonId;
        await Register.ActionAsync(JanId, "Burglary minimum standard", "to the February meeting");
        await Register.ActionAsync(JanId, "Vehicle crime review", "to the March meeting", owners: ["ACC"]);
    }

    [Fact]
    public void Home_shows_the_next_meeting_counts_by_owner_and_what_is_brought_forward()
    {
        SignInAs(AppRoles.Viewer);
        var cut = Render<Home>();
        cut.WaitForAssertion(() => Assert.Contains("Tuesday 28 February 2017, 10:30", cut.Find("[data-testid=next-meeting]").TextContent));
        Assert.Single(cut.FindAll("h1"));
        var counts = cut.Find("[data-testid=owner-counts]").TextContent;
        Assert.Contains("CC", counts);
        Assert.Contains("ACC", counts);
        var brought = cut.FindAll("[data-testid=brought-forward] [data-testid=action-row]");
        Assert.Contains("Burglary minimum standard", Assert.Single(brought).TextContent);
        Assert.DoesNotContain("Your open actions", cut.Markup);
    }

    [Fact]
    public void An_officer_sees_their_own_open_actions_first()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        var cut = Render<Home>();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Your open actions (1)", cut.Markup);
            Assert.Contains("Next meeting", cut.Markup);
        });
        Assert.True(cut.Markup.IndexOf("Your open actions", StringComparison.Ordinal) < cut.Markup.IndexOf("Next meeting", StringComparison.Ordinal));
        Assert.Contains("/my-actions", cut.Markup);
    }

    [Fact]
    public void With_no_meeting_planned_the_page_says_what_to_do_next()
    {
        Database.SetToday(new DateOnly(2017, 5, 1));
        SignInAs(AppRoles.Viewer);
        var cut = Render<Home>();
        cut.WaitForAssertion(() => Assert.Contains("No meeting is planned. Plan the series' meetings from the Meetings page.", cut.Markup));
    }
}
