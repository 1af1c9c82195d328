using Bunit;
using HoldingToAccount.Core.People;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.MyActions;
using HoldingToAccount.Tests.TestData;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Components;

public sealed class MyActionsTests : DashboardContext
{
    private int _ccHolder, _nobody;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var people = Database.Get<PeopleService>();
        _ccHolder = (await Database.AddHolderAsync("CC", "Anthony Bangham", new DateOnly(2016, 1, 1), email: "ab@example.org")).PersonId;
        _nobody = (await people.AddPersonAsync(new PersonInput("Karen Bradley", null), RegisterBuilder.Secretariat)).Id;
        await Register.ActionAsync(JanId, "Burglary minimum standard", "to the February meeting");
        await Register.ActionAsync(JanId, "Estates plan", "to the March meeting", owners: ["PCC", "CC"]);
        await Register.ActionAsync(JanId, "Vehicle crime review", "to the March meeting", owners: ["ACC"]);
    }

    [Fact]
    public void An_officer_sees_the_actions_of_the_roles_they_hold_grouped_by_the_meeting_they_are_due_at()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        var cut = Render<MyActions>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=my-action]").Count));
        Assert.Single(cut.FindAll("h1"));
        Assert.Equal(["Monthly Assurance Meeting February 2017", "Monthly Assurance Meeting March 2017"], cut.FindAll("section h2").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain("Vehicle crime review", cut.Markup);
        var estates = cut.Find("[data-testid=my-action][data-ref='2017/02']").TextContent;
        Assert.Contains("PCC", estates);
        Assert.Contains("Estates plan", estates);
    }

    [Fact]
    public void The_reminder_link_highlights_the_action_it_is_about()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/my-actions?ref=2017-02");
        var cut = Render<MyActions>();
        cut.WaitForAssertion(() => Assert.Contains("highlighted", cut.Find("[data-testid=my-action][data-ref='2017/02']").GetAttribute("class")));
        Assert.DoesNotContain("highlighted", cut.Find("[data-testid=my-action][data-ref='2017/01']").GetAttribute("class"));
    }

    [Fact]
    public async Task Posting_an_update_inline_records_it_and_an_empty_one_is_refused()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        var cut = Render<MyActions>();
        var card = cut.WaitForElement("[data-testid=my-action][data-ref='2017/01']");
        card.QuerySelector("form")!.Submit();
        cut.WaitForAssertion(() => Assert.Contains("Write the update before posting it.", cut.Markup));

        cut.Find("[data-testid=my-action][data-ref='2017/01'] textarea").Change("Standard agreed with every LPA.");
        cut.Find("[data-testid=my-action][data-ref='2017/01'] form").Submit();
        // The textarea holds the words too, so wait for the card's "Latest update" line, which appears only once saved.
        cut.WaitForAssertion(() => Assert.Contains("Latest update", cut.Find("[data-testid=my-action][data-ref='2017/01']").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("Standard agreed with every LPA.", (await Actions.GetAsync("2017/01"))!.Action.LatestUpdate!.Text);
    }

    [Fact]
    public void Someone_who_holds_no_role_is_told_why_the_page_is_empty()
    {
        SignInAs(AppRoles.Officer, "Karen Bradley", _nobody);
        var cut = Render<MyActions>();
        cut.WaitForAssertion(() => Assert.Contains("You have no open actions.", cut.Markup));
    }
}
