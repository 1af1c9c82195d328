using Bunit;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Components;

public sealed class MeetingAgendaTests : DashboardContext
{
    private MeetingService Meetings => Database.Get<MeetingService>();

    private IRenderedComponent<MeetingPage> RenderMeeting(int id) => Render<MeetingPage>(p => p.Add(x => x.Id, id));

    private static List<string> Lines(IRenderedComponent<MeetingPage> cut) =>
        cut.FindAll("[data-testid=agenda-line]").Select(l => l.QuerySelector("p, .mud-typography")!.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_secretariat_puts_the_agenda_in_order_on_the_meeting_page_before_the_day()
    {
        await Meetings.AddAgendaItemAsync(MarId, new AgendaItemInput("4a", "Estates plan"), RegisterBuilder.Secretariat);
        await Meetings.AddAgendaItemAsync(MarId, new AgendaItemInput("4a", "Fleet replacement"), RegisterBuilder.Secretariat);
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        RenderProviders();
        var cut = RenderMeeting(MarId);
        cut.WaitForAssertion(() => Assert.Equal(["4a.1 Estates plan", "4a.2 Fleet replacement"], Lines(cut)));
        Assert.True(cut.Find("[data-item='4a.1'] [data-testid=move-item-up]").HasAttribute("disabled"));

        cut.Find("[data-item='4a.2'] [data-testid=move-item-up]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["4a.1 Fleet replacement", "4a.2 Estates plan"], Lines(cut)));
        var march = (await Meetings.GetAsync(MarId))!;
        Assert.Equal(["Fleet replacement", "Estates plan"], march.Agenda.Single(s => s.Number == "4a").Items.Select(i => i.Title));
    }

    [Fact]
    public void The_secretariat_adds_an_agenda_item_from_the_meeting_page()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderMeeting(MarId);
        cut.WaitForAssertion(() => Assert.Contains("No items in this section", cut.Find("[data-testid=meeting-agenda]").TextContent));

        cut.Find("[data-testid=add-agenda-item]").Click();
        dialogs.WaitForElement(".mud-dialog .mud-select .mud-input").MouseDown();
        Popovers.Pick(t => t.Contains("4b Delivery", StringComparison.Ordinal));
        dialogs.Find("input[data-testid=item-title]").Change("Confidence strategy");
        dialogs.Find("[data-testid=item-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["4b.1 Confidence strategy"], Lines(cut)));
    }

    [Fact]
    public async Task Actions_raised_under_an_agenda_item_are_listed_beneath_it()
    {
        var item = await Meetings.AddAgendaItemAsync(FebId, new AgendaItemInput("4a", "Burglary in North Worcestershire"), RegisterBuilder.Secretariat);
        var action = await Actions.RaiseAsync(new NewAction(FebId, "ACC to bring back a timeline in 3 months", ["ACC"], AgendaItemId: item.Id), RegisterBuilder.Secretariat);
        SignInAs(AppRoles.Secretariat, "Sam Carter");

        var cut = RenderMeeting(FebId);

        cut.WaitForAssertion(() => Assert.Contains(action.Reference, cut.Find("[data-item='4a.1'] [data-testid=item-actions]").TextContent));
        Assert.Equal($"/actions/{ActionReference.ToUrl(action.Reference)}", cut.Find("[data-item='4a.1'] [data-testid=item-actions] a").GetAttribute("href"));
    }

    [Fact]
    public async Task A_held_meetings_agenda_is_its_record_and_is_not_reordered()
    {
        await Meetings.AddAgendaItemAsync(JanId, new AgendaItemInput("4a", "Estates plan"), RegisterBuilder.Secretariat);
        await Meetings.AddAgendaItemAsync(JanId, new AgendaItemInput("4a", "Fleet replacement"), RegisterBuilder.Secretariat);
        SignInAs(AppRoles.Secretariat, "Sam Carter");

        var cut = RenderMeeting(JanId);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=agenda-item]").Count));
        Assert.Empty(cut.FindAll("[data-testid=move-item-up]"));
        var items = (await Meetings.GetAsync(JanId))!.Agenda.Single(s => s.Number == "4a").Items;
        var ex = await Assert.ThrowsAsync<HoldingToAccount.Core.DomainException>(() => Meetings.MoveAgendaItemAsync(items[1].Id, -1, RegisterBuilder.Secretariat));
        Assert.Contains("keeps its order", ex.Message, StringComparison.Ordinal);
    }
}
