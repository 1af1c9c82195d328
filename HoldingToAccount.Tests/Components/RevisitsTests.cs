using Bunit;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Revisits;

namespace HoldingToAccount.Tests.Components;

public sealed class RevisitsTests : DashboardContext
{
    private IRenderedComponent<Revisits> RenderPage()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        RenderProviders();
        return Render<Revisits>();
    }

    [Fact]
    public void With_no_revisits_the_page_says_how_to_schedule_one()
    {
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Contains("No revisits are scheduled", cut.Find("[data-testid=no-revisits]").TextContent));
        Assert.Single(cut.FindAll("h1"));
    }

    [Fact]
    public async Task A_revisit_needs_its_wording()
    {
        var cut = RenderPage();
        await cut.SubmitAsync("form[data-testid=schedule-revisit]");
        cut.WaitForAssertion(() => Assert.Contains("Write what is to be revisited and when.", cut.Markup));
    }

    [Fact]
    public void A_scheduled_revisit_is_listed_under_the_month_of_its_meeting()
    {
        var cut = RenderPage();
        cut.WaitForElement("input[data-testid=revisit-text]").Change("Revisit the confidence strategy in 1 month");
        cut.Find("form[data-testid=schedule-revisit]").Submit();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=revisit]")));
        Assert.Equal("March 2017", cut.Find("[data-testid=revisit-month] h2").TextContent.Trim());
        Assert.Contains("Monthly Assurance Meeting March 2017", cut.Find("[data-testid=revisit]").TextContent);
        Snackbars.WaitForAssertion(() => Assert.Contains("scheduled", Snackbars.Markup));
    }

    [Fact]
    public async Task Putting_a_revisit_on_the_agenda_adds_the_item_to_its_meeting_and_takes_it_off_the_list()
    {
        var revisit = await Actions.ScheduleRevisitAsync(new NewRevisit(Register.SeriesId, "Revisit the confidence strategy in 1 month", ["CC"]), TestData.RegisterBuilder.Secretariat);
        var cut = RenderPage();
        await cut.PressAsync($"[data-testid=revisit][data-ref='{revisit.Reference}'] [data-testid=put-on-agenda]");

        cut.WaitForElement("[data-testid=no-revisits]");
        Snackbars.WaitForAssertion(() => Assert.Contains("is now item 4b.1", Snackbars.Markup));
        var march = (await Database.Get<MeetingService>().GetAsync(revisit.DueMeeting!.Id))!;
        Assert.Contains(march.Agenda.Single(s => s.Number == "4b").Items, i => i.Title.Contains("confidence strategy", StringComparison.Ordinal));
    }
}
