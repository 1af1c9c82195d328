using Bunit;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Reminders.Chasing;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Actions;
using HoldingToAccount.Dashboard.Components.Pages.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Components;

/// <summary>The meeting page's "Owners without an update" and the Run page's "Ask to chase", over the February meeting.</summary>
public sealed class ChasePanelTests : DashboardContext
{
    private static readonly Actor Chair = new("John Campion", AccessLevel.Chair);
    private ActionRow _silent = null!, _updated = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.AddHolderAsync("CC", "Anthony Bangham", new DateOnly(2016, 1, 1), email: "ab@example.org");
        _silent = await Register.ActionAsync(JanId, "CC to report on response times", "to the February meeting", owners: ["CC"]);
        _updated = await Register.ActionAsync(JanId, "DCC to brief on Athena", "to the February meeting", owners: ["DCC"]);
        // Posted on the morning of the meeting: an update since it was raised, but not in time (48 h before).
        await Actions.AddUpdateAsync(_updated.Reference, null, "Briefing drafted.", null, RegisterBuilder.Secretariat);
    }

    [Fact]
    public void The_panel_lists_the_actions_without_an_update_and_the_updates_received_in_time()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var cut = Render<ChasePanel>(p => p.Add(x => x.MeetingId, FebId).Add(x => x.Actor, RegisterBuilder.Secretariat));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=chase-candidate]")));
        Assert.Equal(_silent.Reference, cut.Find("[data-testid=chase-candidate]").GetAttribute("data-ref"));
        // The count is a component of its own that reads on its own, so it can show after the list.
        cut.WaitForAssertion(() => Assert.Contains("Updates received 48 h before the meeting: 0 of 2", cut.Find("[data-testid=updates-in-time]").TextContent));
        Assert.NotNull(cut.Find("[data-testid=chase-all]"));
    }

    [Fact]
    public async Task The_chairs_request_to_chase_shows_on_the_panel_and_can_be_dismissed()
    {
        await Database.Get<ChaseService>().RequestAsync(_silent.Id, FebId, Chair);
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        RenderProviders();
        var cut = Render<ChasePanel>(p => p.Add(x => x.MeetingId, FebId).Add(x => x.Actor, RegisterBuilder.Secretariat));

        cut.WaitForAssertion(() => Assert.Contains("John Campion asked for a chase", cut.Find("[data-testid=chase-requested]").TextContent));
        await cut.Find("[data-testid=dismiss-chase-request]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=chase-requested]")));
        Assert.Empty(await Database.Get<ChaseService>().RequestsAtMeetingAsync(FebId));
    }

    [Fact]
    public async Task The_chair_asks_to_chase_from_the_run_page_and_the_secretariat_sees_it_on_the_action_page()
    {
        SignInAs(AppRoles.Chair, "John Campion");
        RenderProviders();
        var run = Render<RunChaseControls>(p => p.Add(x => x.Action, _silent).Add(x => x.MeetingId, FebId));
        await run.Find("[data-testid=ask-to-chase]").ClickAsync(new());
        run.WaitForAssertion(() => Assert.Contains("Chase asked for by John Campion", run.Find("[data-testid=chase-requested]").TextContent));

        var bar = Render<ActionChaseBar>(p => p.Add(x => x.Action, _silent).Add(x => x.Actor, RegisterBuilder.Secretariat));
        bar.WaitForAssertion(() => Assert.Contains("John Campion asked for a chase", bar.Find("[data-testid=chase-requested]").TextContent));
        Assert.NotNull(bar.Find("[data-testid=chase-owner]"));
    }
}
