using Bunit;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Actions;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Components;

/// <summary>The action page's "Correct" (secretariat) and "Reopen" (chair or secretariat) with their dialogs.</summary>
public sealed class ActionRepairTests : DashboardContext
{
    private ActionRow _action = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _action = await Register.ActionAsync(JanId, "Burglary minimum standrad", "to the February meeting");
    }

    private IRenderedComponent<ActionPage> RenderPage() =>
        Render<ActionPage>(p => p.Add(x => x.Reference, ActionReference.ToUrl(_action.Reference)));

    [Fact]
    public async Task The_secretariat_corrects_the_wording_after_giving_a_reason_and_the_history_says_what_changed()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderPage();
        await cut.PressAsync("[data-testid=action-correct]");

        var dialog = dialogs.WaitForElement("[data-testid=correct-dialog]");
        Assert.Empty(dialogs.FindAll(".mud-input-error"));
        Assert.Equal("Correct action", dialogs.Find("[data-testid=correct-confirm]").TextContent.Trim());
        dialogs.Find("textarea[data-testid=correct-text], [data-testid=correct-text] textarea").Change("Burglary minimum standard");
        dialogs.Find("[data-testid=correct-confirm]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Give a reason for the correction", dialogs.Markup));
        Assert.Equal("Burglary minimum standrad", (await Actions.GetAsync(_action.Reference))!.Action.Text);

        dialogs.Find("textarea[data-testid=correct-reason], [data-testid=correct-reason] textarea").Input("Typo in the meeting");
        dialogs.Find("[data-testid=correct-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Burglary minimum standard", cut.Find("[data-testid=action-text]").TextContent));
        Assert.Contains("Corrected the wording from “Burglary minimum standrad” to “Burglary minimum standard”. Typo in the meeting.", cut.Find("[data-testid=action-history]").TextContent);
        Assert.NotNull(dialog);
    }

    [Fact]
    public async Task Correcting_an_action_someone_else_changed_meanwhile_is_refused_and_the_page_reloads()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderPage();
        await cut.PressAsync("[data-testid=action-correct]");
        dialogs.WaitForElement("textarea[data-testid=correct-text], [data-testid=correct-text] textarea").Change("Burglary minimum standard");
        dialogs.Find("textarea[data-testid=correct-reason], [data-testid=correct-reason] textarea").Input("Typo");
        await Actions.AddUpdateAsync(_action.Reference, null, "Meanwhile, an update", null, RegisterBuilder.Secretariat);

        dialogs.Find("[data-testid=correct-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Meanwhile, an update", cut.Markup));
        Snackbars.WaitForAssertion(() => Assert.Contains("changed by someone else", Snackbars.Markup));
        Assert.Equal("Burglary minimum standrad", (await Actions.GetAsync(_action.Reference))!.Action.Text);
    }

    [Fact]
    public async Task The_chair_reopens_a_closed_action_with_a_reason_and_can_undo_it_at_once()
    {
        await Actions.CloseAsync(_action.Reference, _action.Version, JanId, "Standard published", RegisterBuilder.Secretariat);
        SignInAs(AppRoles.Chair, "John Campion");
        var dialogs = RenderProviders();
        var cut = RenderPage();
        Assert.Empty(cut.FindAll("[data-testid=action-correct]"));
        await cut.PressAsync("[data-testid=action-reopen]");

        dialogs.WaitForElement("[data-testid=reopen-dialog]");
        Assert.Empty(dialogs.FindAll(".mud-input-error"));
        dialogs.Find("[data-testid=reopen-confirm]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Give a reason for reopening it", dialogs.Markup));
        dialogs.Find("textarea[data-testid=reopen-reason], [data-testid=reopen-reason] textarea").Input("Standard not yet adopted in South Worcestershire");
        dialogs.Find("[data-testid=reopen-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Open", cut.Find("[data-testid=action-status]").TextContent));
        Assert.Equal(ActionStatus.Open, (await Actions.GetAsync(_action.Reference))!.Action.Status);
        Assert.Empty(cut.FindAll("[data-testid=action-reopen]"));

        await Snackbars.PressAsync(".mud-snackbar button");
        cut.WaitForAssertion(() => Assert.Contains("Closed", cut.Find("[data-testid=action-status]").TextContent));
        Assert.Equal(ActionStatus.Closed, (await Actions.GetAsync(_action.Reference))!.Action.Status);
        Assert.Contains("Undone: reopened.", cut.Find("[data-testid=action-history]").TextContent);
    }

    [Fact]
    public void Viewers_see_neither_correct_nor_reopen()
    {
        SignInAs(AppRoles.Viewer);
        var cut = RenderPage();
        cut.WaitForElement("[data-testid=action-text]");
        Assert.Empty(cut.FindAll("[data-testid=repair-bar]"));
    }

    [Fact]
    public async Task The_page_shows_where_the_action_was_first_due_and_where_it_is_due_now()
    {
        await Actions.CarryAsync(_action.Reference, _action.Version, AprId, "More time needed", RegisterBuilder.Secretariat, FebId);
        SignInAs(AppRoles.Viewer);
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal("first due: February 2017 meeting · now due: April 2017 meeting",
            cut.Find("[data-testid=due-history]").TextContent));
        Assert.Contains("First agreed as “to the February meeting”", cut.Markup);
    }
}
