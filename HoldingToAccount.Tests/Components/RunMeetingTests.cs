using Bunit;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

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
    public void Each_brought_forward_action_has_close_carry_and_defer_one_key_away_and_the_rest_under_More()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        RenderProviders();
        var cut = Render<RunMeeting>(p => p.Add(x => x.Id, FebId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=run-action]").Count));
        var first = cut.FindAll("[data-testid=run-action]")[0];
        var primary = new[] { ("close", "C"), ("carry", "F"), ("defer", "D") };
        foreach (var (decision, key) in primary)
            Assert.Equal(key, first.QuerySelector($"[data-testid=decision-{decision}]")!.GetAttribute("aria-keyshortcuts"));
        Assert.Equal(primary.Length + 1, first.QuerySelector("[data-testid=decision-bar]")!.QuerySelectorAll("button").Length);
        Assert.Single(cut.FindAll("h1"));
        Assert.Contains("Keyboard", cut.Find("[data-testid=keyboard-help] summary").TextContent);

        var more = cut.FindAll("[data-testid=decision-more]")[0];
        (more.TagName == "BUTTON" ? more : more.QuerySelector("button")!).Click();
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll("[data-testid=decision-redate]")));
        foreach (var decision in new[] { "recordupdate", "redate", "reassign", "cancel" })
            Assert.Single(Popovers.FindAll($"[data-testid=decision-{decision}]"));
    }

    [Fact]
    public async Task The_close_dialog_names_the_act_shows_no_error_until_asked_and_a_preset_reason_alone_closes_the_action()
    {
        SignInAs(AppRoles.Chair, "John Campion");
        var dialogs = RenderProviders();
        var cut = Render<RunMeeting>(p => p.Add(x => x.Id, FebId));
        await cut.PressAsync($"[data-ref='{_burglary.Reference}'] [data-testid=decision-close]");

        var confirm = dialogs.WaitForElement("[data-testid=decision-confirm]");
        Assert.Equal("Close action", confirm.TextContent.Trim());
        Assert.Equal("Back", dialogs.Find("[data-testid=decision-back]").TextContent.Trim());
        Assert.Empty(dialogs.FindAll(".mud-input-error"));
        Assert.DoesNotContain("Give a reason", dialogs.Markup);
        var presets = dialogs.FindAll("[data-testid=decision-preset]");
        Assert.Contains(presets, p => p.TextContent.Trim() == "Superseded");
        presets.First(p => p.TextContent.Trim() == "Update accepted").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("true", dialogs.FindAll("[data-testid=decision-preset]").First(p => p.TextContent.Contains("Update accepted", StringComparison.Ordinal)).GetAttribute("aria-pressed")));
        dialogs.Find("[data-testid=decision-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Closed", cut.Find($"[data-ref='{_burglary.Reference}'] [data-testid=action-status]").TextContent));
        Snackbars.WaitForAssertion(() => Assert.Contains($"Action {_burglary.Reference} closed.", Snackbars.Markup));
        Assert.Contains("Undo", Snackbars.Markup);
        var update = Assert.Single((await Actions.GetAsync(_burglary.Reference))!.Updates);
        Assert.StartsWith("Update accepted", update.Text);
        Assert.Equal(Decision.Closed, update.Decision);
        Assert.Equal(FebId, update.MeetingId);
    }

    [Fact]
    public async Task Undo_after_a_decision_puts_the_action_back_as_it_was()
    {
        SignInAs(AppRoles.Chair, "John Campion");
        var dialogs = RenderProviders();
        var cut = Render<RunMeeting>(p => p.Add(x => x.Id, FebId));
        await cut.PressAsync($"[data-ref='{_burglary.Reference}'] [data-testid=decision-defer]");
        await dialogs.PressAsync("[data-testid=decision-preset]");
        dialogs.Find("[data-testid=decision-confirm]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-ref='{_burglary.Reference}'] [data-testid=moved-on]")));

        Snackbars.WaitForAssertion(() => Assert.Contains(Snackbars.FindAll(".mud-snackbar button"), b => b.TextContent.Contains("Undo", StringComparison.Ordinal)));
        Snackbars.FindAll(".mud-snackbar button").First(b => b.TextContent.Contains("Undo", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-ref='{_burglary.Reference}'] [data-testid=decision-defer]")));
        var row = (await Actions.GetAsync(_burglary.Reference))!.Action;
        Assert.Equal(FebId, row.DueMeeting!.Id);
        Assert.True(row.Status.IsOpen());
    }

    [Fact]
    public async Task An_action_closed_at_this_meeting_can_be_reopened_here_with_a_reason()
    {
        await Actions.CloseAsync(_burglary.Reference, _burglary.Version, FebId, "Published", RegisterBuilder.Secretariat);
        SignInAs(AppRoles.Chair, "John Campion");
        var dialogs = RenderProviders();
        var cut = Render<RunMeeting>(p => p.Add(x => x.Id, FebId));
        await cut.PressAsync($"[data-ref='{_burglary.Reference}'] [data-testid=decision-reopen]");

        Assert.Equal("Reopen action", dialogs.WaitForElement("[data-testid=decision-confirm]").TextContent.Trim());
        dialogs.Find("textarea").Change("Closed in error: not yet published in the north");
        dialogs.Find("[data-testid=decision-confirm]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-ref='{_burglary.Reference}'] [data-testid=decision-close]")));
        var detail = (await Actions.GetAsync(_burglary.Reference))!;
        Assert.True(detail.Action.Status.IsOpen());
        Assert.Contains(detail.Updates, u => u.Decision == Decision.Reopened && u.Text.Contains("Closed in error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_the_chair_records_in_the_meeting_is_noted_at_this_meeting()
    {
        SignInAs(AppRoles.Chair, "John Campion");
        var dialogs = RenderProviders();
        var cut = Render<RunMeeting>(p => p.Add(x => x.Id, FebId));
        var more = cut.WaitForElement($"[data-ref='{_burglary.Reference}'] [data-testid=decision-more]");
        (more.TagName == "BUTTON" ? more : more.QuerySelector("button")!).Click();
        await Popovers.PressAsync("[data-testid=decision-recordupdate]");

        await dialogs.PressAsync("[data-testid=decision-confirm]");
        dialogs.WaitForAssertion(() => Assert.Contains("Write the update before recording it.", dialogs.Markup));
        dialogs.Find("textarea").Change("Standard agreed with the LPA commanders");
        dialogs.Find("[data-testid=decision-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Standard agreed with the LPA commanders", cut.Find($"[data-ref='{_burglary.Reference}']").TextContent));
        var update = Assert.Single((await Actions.GetAsync(_burglary.Reference))!.Updates);
        Assert.Equal(Decision.Noted, update.Decision);
        Assert.Equal(FebId, update.MeetingId);
    }

    [Fact]
    public async Task Carrying_an_action_asks_for_the_meeting_and_a_reason_then_it_leaves_the_list()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = Render<RunMeeting>(p => p.Add(x => x.Id, FebId));
        await cut.PressAsync($"[data-ref='{_burglary.Reference}'] [data-testid=decision-carry]");

        await dialogs.PressAsync("[data-testid=decision-confirm]");
        dialogs.WaitForAssertion(() => Assert.Contains("Choose the meeting to carry the action to.", dialogs.Markup));

        dialogs.Find("[data-testid=decision-dialog] .mud-select .mud-input").MouseDown();
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains("April 2017", StringComparison.Ordinal)));
        Assert.DoesNotContain(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Contains("February 2017", StringComparison.Ordinal));
        Popovers.Pick(t => t.Contains("April 2017", StringComparison.Ordinal));
        dialogs.Find("textarea").Change("Awaiting the HMIC report");
        dialogs.Find("[data-testid=decision-confirm]").Click();

        // It stays on this meeting's list, dealt with: no more decisions on it here.
        cut.WaitForAssertion(() => Assert.Contains("Monthly Assurance Meeting April 2017", cut.Find($"[data-ref='{_burglary.Reference}'] [data-testid=moved-on]").TextContent));
        Assert.Empty(cut.FindAll($"[data-ref='{_burglary.Reference}'] [data-testid=decision-bar]"));
        Assert.Contains("(1 still to decide)", cut.Markup);
        var row = (await Actions.GetAsync(_burglary.Reference))!.Action;
        Assert.Equal(AprId, row.DueMeeting!.Id);
    }

    [Fact]
    public async Task An_action_carried_here_from_an_earlier_meeting_says_where_it_was_first_due()
    {
        await Actions.CarryAsync(_burglary.Reference, _burglary.Version, AprId, "Awaiting the HMIC report", RegisterBuilder.Secretariat, FebId);
        SignInAs(AppRoles.Secretariat, "Sam Carter");

        var cut = Render<RunMeeting>(p => p.Add(x => x.Id, AprId));

        var history = cut.WaitForElement($"[data-ref='{_burglary.Reference}'] [data-testid=due-history]").TextContent;
        Assert.Contains("first due: February 2017 meeting · now due: April 2017 meeting", history);
        var february = Render<RunMeeting>(p => p.Add(x => x.Id, FebId));
        february.WaitForElement($"[data-ref='{_burglary.Reference}'] [data-testid=moved-on]");
        Assert.Empty(february.FindAll($"[data-ref='{_burglary.Reference}'] [data-testid=due-history]"));
    }

    [Fact]
    public async Task Choosing_an_agenda_section_shows_it_on_every_board_and_next_steps_on()
    {
        var cut = RenderRun();
        var focus = Services.GetRequiredService<PresenterFocus>();
        cut.WaitForAssertion(() => Assert.Contains("The room screen shows this meeting, section 1 Outstanding matters", cut.Find("[data-testid=room-screen-current]").TextContent));

        // Each button is found and pressed in one turn of the renderer: the page re-renders as the boards' notices come back.
        Task Press(string selector) => cut.InvokeAsync(() => cut.Find(selector).Click());
        await Press("[data-testid=room-screen-section][data-section='4a'] button");
        cut.WaitForAssertion(() => Assert.Equal("4a", focus.SectionOf(FebId)));
        cut.WaitForAssertion(() => Assert.Contains("4a Performance against the police and crime plan", cut.Find("[data-testid=room-screen-current]").TextContent));
        Assert.Equal("step", cut.Find("[data-testid=room-screen-section][data-section='4a'] button").GetAttribute("aria-current"));

        await Press("[data-testid=board-next]");
        cut.WaitForAssertion(() => Assert.Equal("4b", focus.SectionOf(FebId)));
        // After the last section comes the summary of the decisions taken.
        await Press("[data-testid=board-next]");
        cut.WaitForAssertion(() => Assert.Contains("the decisions summary", cut.Find("[data-testid=room-screen-current]").TextContent));
        await Press("[data-testid=board-next]");
        cut.WaitForAssertion(() => Assert.Contains("the decisions summary", cut.Find("[data-testid=room-screen-current]").TextContent));
        await Press("[data-testid=board-previous]");
        cut.WaitForAssertion(() => Assert.Equal("4b", focus.SectionOf(FebId)));
    }

    [Fact]
    public void A_change_of_section_made_at_the_board_shows_on_the_run_page_too()
    {
        var cut = RenderRun();
        cut.WaitForElement("[data-testid=room-screen-current]");
        Services.GetRequiredService<PresenterFocus>().Set(FebId, "4b");
        cut.WaitForAssertion(() => Assert.Contains("4b Delivery of strategic initiatives", cut.Find("[data-testid=room-screen-current]").TextContent));
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

        // Saved once the preview is put away; the action is then listed with what the meeting raised.
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=quick-entry-preview]")));
        cut.WaitForAssertion(() => Assert.Contains("ACC to bring back a timeline", cut.Markup));
        var raised = (await Actions.RaisedAtAsync(FebId)).Single();
        Assert.Equal(["ACC"], raised.Owners);
        Assert.Equal(MarId, raised.DueMeeting!.Id);
    }

    [Fact]
    public async Task Quick_entry_without_text_says_so()
    {
        var cut = RenderRun();
        await cut.SubmitAsync("[data-testid=quick-entry] form");
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

    [Fact]
    public async Task A_thematic_session_is_run_from_its_own_brought_forward_section()
    {
        var (march, action) = await ThematicSessionsAsync();
        SignInAs(AppRoles.Secretariat, "Sam Carter");

        var cut = Render<RunMeeting>(p => p.Add(x => x.Id, march));

        cut.WaitForAssertion(() => Assert.Equal("2 Actions from earlier sessions (1 still to decide)", cut.Find("#bf-heading").TextContent.Trim()));
        var row = Assert.Single(cut.FindAll("[data-testid=run-action]"));
        Assert.Equal(action.Reference, row.GetAttribute("data-ref"));
        Assert.NotNull(row.QuerySelector("[data-testid=decision-close]"));
    }
}
