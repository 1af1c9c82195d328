using Bunit;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.People;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Actions;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Components;

public sealed class ActionPageTests : DashboardContext
{
    private ActionRow _action = null!;
    private int _ccHolder;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ccHolder = (await Database.AddHolderAsync("CC", "Anthony Bangham", new DateOnly(2016, 1, 1), email: "ab@example.org")).PersonId;
        _action = await Register.ActionAsync(JanId, "Burglary minimum standard", "to the February meeting");
    }

    private IRenderedComponent<ActionPage> RenderPage() =>
        Render<ActionPage>(p => p.Add(x => x.Reference, ActionReference.ToUrl(_action.Reference)));

    [Fact]
    public void The_page_shows_owners_with_who_holds_the_role_today_and_one_h1()
    {
        SignInAs(AppRoles.Viewer);
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("Anthony Bangham", cut.Find("[data-testid=action-owners]").TextContent));
        Assert.Single(cut.FindAll("h1"));
        Assert.Empty(cut.FindAll("[data-testid=decision-bar]"));
        Assert.Empty(cut.FindAll("[data-testid=post-update]"));
        Assert.Contains("No updates yet", cut.Markup);
    }

    [Fact]
    public void The_officer_holding_the_role_may_post_an_update_but_sees_no_decisions()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        var cut = RenderPage();
        cut.WaitForElement("[data-testid=post-update]");
        Assert.Empty(cut.FindAll("[data-testid=decision-bar]"));
    }

    [Fact]
    public async Task An_update_without_text_is_refused_with_a_message()
    {
        SignInAs(AppRoles.Officer, "Anthony Bangham", _ccHolder);
        var cut = RenderPage();
        await cut.PressAsync("[data-testid=post-update]");
        cut.WaitForAssertion(() => Assert.Contains("Write the update before posting it.", cut.Markup));
    }

    [Fact]
    public async Task The_secretariat_closes_the_action_with_a_reason_after_being_asked_for_one()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderPage();
        await cut.PressAsync("[data-testid=decision-close]");

        await dialogs.PressAsync("[data-testid=decision-confirm]");
        dialogs.WaitForAssertion(() => Assert.Contains("Give a reason", dialogs.Markup));
        Assert.Equal(ActionStatus.Open, (await Actions.GetAsync(_action.Reference))!.Action.Status);

        dialogs.Find("textarea").Change("Standard published to all LPAs");
        dialogs.Find("[data-testid=decision-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Closed", cut.Find("[data-testid=action-status]").TextContent));
        var detail = (await Actions.GetAsync(_action.Reference))!;
        Assert.Equal(ActionStatus.Closed, detail.Action.Status);
        Assert.Equal("Standard published to all LPAs", detail.Updates.Single().Text);
        Assert.Empty(cut.FindAll("[data-testid=decision-bar]"));
    }

    [Fact]
    public async Task A_decision_on_an_action_someone_else_changed_is_refused_and_the_page_reloads()
    {
        SignInAs(AppRoles.Chair, "John Campion");
        var dialogs = RenderProviders();
        var cut = RenderPage();
        await cut.PressAsync("[data-testid=decision-cancel]");
        await Actions.AddUpdateAsync(_action.Reference, null, "Meanwhile, an update", null, RegisterBuilder.Secretariat);

        dialogs.WaitForElement("textarea").Change("No longer needed");
        dialogs.Find("[data-testid=decision-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Meanwhile, an update", cut.Markup));
        Assert.Equal(ActionStatus.UpdateProvided, (await Actions.GetAsync(_action.Reference))!.Action.Status);
    }

    [Fact]
    public void An_unknown_reference_says_so_and_points_to_the_register()
    {
        SignInAs(AppRoles.Viewer);
        var cut = Render<ActionPage>(p => p.Add(x => x.Reference, "2099-99"));
        cut.WaitForAssertion(() => Assert.Contains("Action not found", cut.Find("h1").TextContent));
    }
}
