using Bunit;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Meetings;

namespace HoldingToAccount.Tests.Components;

public sealed class RunMeetingTests : DashboardContext
{
    private ActionRow _burglary = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _burglary = await Register.ActionAsync(JanId, "Burglary minimum standard", "to the February meeting");
        await Register.ActionAsync(JanId, "Vehicle crime review", "to the February meeting", owners: ["ACC"]);
    }

    private IRenderedComponent<RunMeeting> RenderRun()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        return Render<RunMeeting>(p => p.Add(x => x.Id, FebId));
    }

    [Fact]
    public void Each_brought_forward_action_has_its_decisions_one_click_away()
    {
        var cut = RenderRun();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=run-action]").Count));
        var first = cut.FindAll("[data-testid=run-action]")[0];
        foreach (var decision in new[] { "close", "carry", "defer", "redate" })
            Assert.NotNull(first.QuerySelector($"[data-testid=decision-{decision}]"));
        Assert.Single(cut.FindAll("h1"));
    }

    [Fact]
    public async Task Carrying_an_action_asks_for_the_meeting_and_a_reason_then_it_leaves_the_list()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = Render<RunMeeting>(p => p.Add(x => x.Id, FebId));
        cut.WaitForElement($"[data-ref='{_burglary.Reference}'] [data-testid=decision-carry]").Click();

        dialogs.WaitForElement("[data-testid=decision-confirm]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Choose the meeting to carry the action to.", dialogs.Markup));

        dialogs.Find("[data-testid=decision-dialog] .mud-select .mud-input").MouseDown();
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains("April 2017", StringComparison.Ordinal)));
        Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains("April 2017", StringComparison.Ordinal)).Click();
        dialogs.Find("textarea").Change("Awaiting the HMIC report");
        dialogs.Find("[data-testid=decision-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=run-action]")));
        var row = (await Actions.GetAsync(_burglary.Reference))!.Action;
        Assert.Equal(AprId, row.DueMeeting!.Id);
    }

    [Fact]
    public async Task Quick_entry_shows_what_it_understood_and_saves_the_action()
    {
        var cut = RenderRun();
        cut.WaitForElement("input[data-testid=quick-entry-text]").Input("ACC to bring back a timeline in 1 month");
        cut.Find("[data-testid=quick-entry] form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("ACC to bring back a timeline in 1 month", cut.Find("[data-testid=preview-text]").TextContent));
        Assert.Equal("ACC", cut.Find("input[data-testid=preview-owners]").GetAttribute("value"));
        Assert.Contains("Monthly Assurance Meeting March 2017", cut.Find("[data-testid=quick-entry-preview]").InnerHtml);
        cut.Find("[data-testid=quick-entry-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("ACC to bring back a timeline", cut.Markup));
        var raised = (await Actions.RaisedAtAsync(FebId)).Single();
        Assert.Equal(["ACC"], raised.Owners);
        Assert.Equal(MarId, raised.DueMeeting!.Id);
    }

    [Fact]
    public void Quick_entry_without_text_says_so()
    {
        var cut = RenderRun();
        cut.WaitForElement("[data-testid=quick-entry] form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Write the action first.", cut.Markup));
    }

    [Fact]
    public void Quick_entry_without_a_due_point_cannot_be_saved_until_a_meeting_is_chosen()
    {
        var cut = RenderRun();
        cut.WaitForElement("input[data-testid=quick-entry-text]").Input("CC to look into it");
        cut.Find("[data-testid=quick-entry] form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("No due point understood", cut.Markup));
        Assert.True(cut.Find("[data-testid=quick-entry-save]").HasAttribute("disabled"));
    }
}
