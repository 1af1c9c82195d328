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
    public void An_officer_sees_the_actions_of_the_roles_they_hold_grouped_by_the_meeting_they_are_due_at_now()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        var cut = Render<MyActions>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=my-action]").Count));
        Assert.Single(cut.FindAll("h1"));
        Assert.Equal(["Due at the next meeting (Monthly Assurance Meeting February 2017, 28 Feb 2017) – 1 action", "Later – 1 action"],
            cut.FindAll("section h2").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain("Vehicle crime review", cut.Markup);
        var estates = cut.Find("[data-testid=my-action][data-ref='2017/02']").TextContent;
        Assert.Contains("PCC", estates);
        Assert.Contains("Estates plan", estates);
        Assert.Contains("Due at the Monthly Assurance Meeting March 2017 (28 Mar 2017)", estates);
        Assert.Empty(cut.FindAll("[data-testid=overdue]"));
    }

    [Fact]
    public async Task A_carried_action_says_where_it_was_first_due_beside_where_it_is_due_now()
    {
        var burglary = (await Actions.GetAsync("2017/01"))!.Action;
        await Actions.CarryAsync(burglary.Reference, burglary.Version, AprId, "Awaiting the HMIC report", RegisterBuilder.Secretariat, FebId);
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);

        var cut = Render<MyActions>();

        var card = cut.WaitForElement("[data-testid=my-action][data-ref='2017/01']");
        Assert.Contains("Due at the Monthly Assurance Meeting April 2017", card.QuerySelector("[data-testid=due-now]")!.TextContent);
        Assert.Equal("first due: February 2017 meeting", card.QuerySelector("[data-testid=first-due]")!.TextContent.Trim());
        Assert.Null(cut.Find("[data-testid=my-action][data-ref='2017/02']").QuerySelector("[data-testid=first-due]"));
    }

    [Fact]
    public async Task The_update_box_opens_only_when_asked_for()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        var cut = Render<MyActions>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=open-update]").Count));
        Assert.Empty(cut.FindAll("textarea"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=my-action][data-ref='2017/01'] [data-testid=open-update]").Click());

        Assert.Single(cut.FindAll("[data-testid=my-action][data-ref='2017/01'] textarea"));
        Assert.Single(cut.FindAll("textarea"));
    }

    [Fact]
    public void The_reminder_link_highlights_the_action_it_is_about_with_its_update_box_open()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/my-actions?ref=2017-02");
        var cut = Render<MyActions>();
        cut.WaitForAssertion(() => Assert.Contains("highlighted", cut.Find("[data-testid=my-action][data-ref='2017/02']").GetAttribute("class")));
        Assert.DoesNotContain("highlighted", cut.Find("[data-testid=my-action][data-ref='2017/01']").GetAttribute("class"));
        Assert.Single(cut.FindAll("[data-testid=my-action][data-ref='2017/02'] textarea"));
        Assert.Empty(cut.FindAll("[data-testid=my-action][data-ref='2017/01'] textarea"));
        Assert.Empty(cut.FindAll("[data-testid=link-notice]"));
    }

    [Fact]
    public async Task Posting_an_update_records_it_says_so_and_leaves_no_error_behind()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        var cut = Render<MyActions>();
        const string card = "[data-testid=my-action][data-ref='2017/01']";
        cut.WaitForElement($"{card} [data-testid=open-update]");
        // Each press is found and made in one renderer turn, so a re-render in between cannot leave it on a stale element.
        Task Press(string selector) => cut.InvokeAsync(() => cut.Find(selector).Click());
        Task Submit() => cut.InvokeAsync(() => cut.Find($"{card} form").Submit());

        await Press($"{card} [data-testid=open-update]");
        await Submit();
        cut.WaitForAssertion(() => Assert.Contains("Write the update before posting it.", cut.Find(card).TextContent));

        await cut.InvokeAsync(() => cut.Find($"{card} textarea").Change("Standard agreed with every LPA."));
        await Submit();

        cut.WaitForAssertion(() => Assert.Contains("Your update has been posted.", cut.Find(card).TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("Standard agreed with every LPA.", cut.Find($"{card} [data-testid=latest-update]").TextContent);
        Assert.Contains("Update provided", cut.Find($"{card} [data-testid=action-status]").TextContent);
        Assert.Equal("Standard agreed with every LPA.", (await Actions.GetAsync("2017/01"))!.Action.LatestUpdate!.Text);

        await Press($"{card} [data-testid=open-update]");
        Assert.Equal("", cut.Find($"{card} textarea").GetAttribute("value") ?? "");
        Assert.DoesNotContain("Write the update before posting it.", cut.Markup);
    }

    [Fact]
    public async Task A_link_to_an_action_closed_since_the_email_says_when_by_whom_and_why()
    {
        var burglary = (await Actions.GetAsync("2017/01"))!.Action;
        await Actions.CloseAsync(burglary.Reference, burglary.Version, FebId, "Standard in place across the force.", RegisterBuilder.Secretariat);
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/my-actions?ref=2017-01");

        var cut = Render<MyActions>();

        cut.WaitForAssertion(() => Assert.Contains("2017/01 was closed on 28 Feb 2017 by Sam Carter: Standard in place across the force.",
            cut.Find("[data-testid=link-notice]").TextContent));
        Assert.Equal("/actions/2017-01", cut.Find("[data-testid=link-notice] a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=my-action][data-ref='2017/01']"));
    }

    [Fact]
    public void A_link_to_an_action_of_a_role_the_officer_does_not_hold_says_whose_it_is_and_shows_nothing_more()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/my-actions?ref=2017-03");

        var cut = Render<MyActions>();

        cut.WaitForAssertion(() => Assert.Contains("Action 2017/03 is owned by ACC, not by a role you hold today",
            cut.Find("[data-testid=link-notice]").TextContent));
        Assert.DoesNotContain("Vehicle crime review", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=my-action][data-ref='2017/03']"));
    }

    [Fact]
    public void Searching_narrows_the_list_to_actions_with_every_word_in_any_order()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        var cut = Render<MyActions>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=my-action]").Count));

        cut.Find("input[data-testid=my-actions-search], [data-testid=my-actions-search] input").Input("plan estates");

        cut.WaitForAssertion(() => Assert.Equal(["2017/02"], cut.FindAll("[data-testid=my-action]").Select(c => c.GetAttribute("data-ref"))));
        Assert.Equal("Showing 1 of your 2 actions.", cut.Find("[data-testid=my-actions-summary]").TextContent.Trim());
    }

    [Fact]
    public void Someone_who_holds_no_role_is_told_why_the_page_is_empty()
    {
        SignInAs(AppRoles.Officer, "Karen Bradley", _nobody);
        var cut = Render<MyActions>();
        cut.WaitForAssertion(() => Assert.Contains("You have no open actions.", cut.Markup));
    }
}
