using Bunit;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Meetings;

namespace HoldingToAccount.Tests.Components;

public sealed class MeetingListTests : DashboardContext
{
    private MeetingService Meetings => Database.Get<MeetingService>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Register.ActionAsync(JanId, "Burglary minimum standard", "to the February meeting");
        await Register.ActionAsync(JanId, "Vehicle crime review", "to the February meeting", owners: ["ACC"]);
    }

    private IRenderedComponent<MeetingList> RenderAs(string role)
    {
        if (role != AppRoles.Secretariat)
            SignInAs(role, "Viewer");
        return Render<MeetingList>();
    }

    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<MeetingList> cut, int id) =>
        cut.Find($"[data-testid=meeting-row][data-meeting='{id}']");

    private static List<string?> Shown(IRenderedComponent<MeetingList> cut) =>
        cut.FindAll("[data-testid=meeting-row]").Select(r => r.GetAttribute("data-meeting")).ToList();

    [Fact]
    public void Meetings_open_on_the_upcoming_ones_next_first_with_status_in_words_and_no_changes_for_a_viewer()
    {
        var cut = RenderAs(AppRoles.Viewer);
        cut.WaitForAssertion(() => Assert.Equal([$"{FebId}", $"{MarId}", $"{AprId}"], Shown(cut)));
        Assert.Single(cut.FindAll("h1"));
        Assert.Equal("true", cut.Find("[data-testid=meetings-upcoming]").GetAttribute("aria-pressed"));
        Assert.Contains("(today)", RowOf(cut, FebId).TextContent);
        Assert.Contains("Planned", RowOf(cut, FebId).TextContent);
        Assert.Contains("Past (1)", cut.Find("[data-testid=meetings-past]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=add-meeting]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-year]"));
        Assert.Empty(cut.FindAll("[data-testid=move-meeting]"));
        Assert.Empty(cut.FindAll("[data-testid=cancel-meeting]"));
    }

    [Fact]
    public async Task The_past_is_a_click_away_most_recent_first()
    {
        var cut = RenderAs(AppRoles.Viewer);
        await cut.PressAsync("[data-testid=meetings-past]");

        cut.WaitForAssertion(() => Assert.Equal([$"{JanId}"], Shown(cut)));
        Assert.Contains("Held", RowOf(cut, JanId).TextContent);
        Assert.Equal("true", cut.Find("[data-testid=meetings-past]").GetAttribute("aria-pressed"));
        cut.Find("[data-testid=meetings-upcoming]").Click();
        cut.WaitForAssertion(() => Assert.Equal([$"{FebId}", $"{MarId}", $"{AprId}"], Shown(cut)));
    }

    [Fact]
    public async Task Ten_years_of_past_meetings_come_a_page_at_a_time_not_as_one_long_list()
    {
        for (var month = new DateOnly(2007, 1, 1); month < new DateOnly(2017, 1, 1); month = month.AddMonths(1))
            await Register.MeetingAsync(month.AddDays(27));
        var cut = RenderAs(AppRoles.Viewer);
        await cut.PressAsync("[data-testid=meetings-past]");

        cut.WaitForAssertion(() => Assert.Equal(20, cut.FindAll("[data-testid=meeting-row]").Count));
        Assert.Equal($"{JanId}", Shown(cut)[0]);
        Assert.Contains("Monthly Assurance Meeting December 2016", cut.FindAll("[data-testid=meeting-row]")[1].TextContent);
        Assert.Contains("Meetings 1–20 of 121", cut.Markup);
        Assert.NotEmpty(cut.FindAll("[data-testid=meetings-pages]"));
    }

    [Fact]
    public void With_nothing_planned_from_today_the_page_says_so_and_points_to_the_past()
    {
        Database.SetToday(new DateOnly(2017, 5, 2));
        var cut = RenderAs(AppRoles.Viewer);

        cut.WaitForAssertion(() => Assert.Contains("No meetings are planned from today on.", cut.Find("[data-testid=no-meetings]").TextContent));
        Assert.Contains("Earlier meetings are under “Past”.", cut.Find("[data-testid=no-meetings]").TextContent);
    }

    [Fact]
    public async Task The_calendar_shows_the_month_of_the_next_meeting_and_moves_month_by_month()
    {
        var cut = RenderAs(AppRoles.Viewer);
        // Each button is found and pressed in one turn of the renderer, as a person presses what is on the screen.
        Task Press(string selector) => cut.InvokeAsync(() => cut.Find(selector).Click());
        cut.WaitForElement("[data-testid=view-calendar]");
        await Press("[data-testid=view-calendar]");
        cut.WaitForAssertion(() => Assert.Equal("February 2017", cut.Find("[data-testid=calendar-month]").TextContent.Trim()));
        Assert.Equal(28, cut.FindAll("[data-testid=calendar-day]").Count);
        var meeting = Assert.Single(cut.FindAll("[data-testid=calendar-meeting]"));
        Assert.Contains("10:30 Monthly Assurance Meeting February 2017", meeting.TextContent);
        Assert.Contains("28 (today)", cut.Markup);

        await Press("[data-testid=calendar-next]");
        Assert.Equal("March 2017", cut.Find("[data-testid=calendar-month]").TextContent.Trim());
        Assert.Contains("March 2017", Assert.Single(cut.FindAll("[data-testid=calendar-meeting]")).TextContent);
        await Press("[data-testid=calendar-previous]");
        await Press("[data-testid=calendar-previous]");
        Assert.Contains("(held)", cut.Find("[data-testid=calendar-meeting]").TextContent);
        await Press("[data-testid=view-list]");
        Assert.Equal(3, cut.FindAll("[data-testid=meeting-row]").Count);
    }

    [Fact]
    public async Task Cancelling_a_meeting_first_shows_the_actions_that_will_pass_on_and_asks_for_confirmation()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderAs(AppRoles.Secretariat);
        // Each click is found and made in one turn of the renderer, as a person's click lands on what is on screen.
        cut.WaitForElement("[data-testid=meetings-past]");
        await cut.InvokeAsync(() => cut.Find("[data-testid=meetings-past]").Click());
        Assert.Empty(cut.WaitForElement($"[data-testid=meeting-row][data-meeting='{JanId}']").QuerySelectorAll("[data-testid=cancel-meeting]"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=meetings-upcoming]").Click());
        cut.WaitForElement($"[data-testid=meeting-row][data-meeting='{FebId}']");
        await cut.InvokeAsync(() => RowOf(cut, FebId).QuerySelector("[data-testid=cancel-meeting]")!.Click());

        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-testid=following-action]").Count));
        Assert.Contains("will pass to the next meeting", dialogs.Find("[data-testid=following-summary]").TextContent);
        Assert.Contains("Burglary minimum standard", dialogs.Find("[data-testid=following-actions]").TextContent);

        dialogs.Find("[data-testid=change-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Cancelled", RowOf(cut, FebId).TextContent));
        Assert.Empty(RowOf(cut, FebId).QuerySelectorAll("[data-testid=cancel-meeting]"));
        Assert.Equal(2, (await Meetings.ActionsFollowingAsync(MarId)).Count);
    }

    [Fact]
    public async Task Moving_a_meeting_shows_the_actions_that_follow_it_and_saves_the_new_date()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderAs(AppRoles.Secretariat);
        await cut.PressAsync($"[data-testid=meeting-row][data-meeting='{FebId}'] [data-testid=move-meeting]");
        dialogs.WaitForAssertion(() => Assert.Contains("will follow it to the new date", dialogs.Find("[data-testid=following-summary]").TextContent));

        dialogs.Find("[data-testid=move-date] input, input[data-testid=move-date]").Change("07/03/2017");
        dialogs.Find("[data-testid=change-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Tuesday 7 March 2017, 10:30", RowOf(cut, FebId).TextContent));
        Snackbars.WaitForAssertion(() => Assert.Contains("moved to Tuesday 7 March 2017", Snackbars.Markup));
        Assert.Equal(2, (await Meetings.ActionsFollowingAsync(FebId)).Count);
    }

    [Fact]
    public async Task A_meeting_changed_by_someone_else_meanwhile_is_not_moved_and_the_list_reloads()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderAs(AppRoles.Secretariat);
        await cut.PressAsync($"[data-testid=meeting-row][data-meeting='{MarId}'] [data-testid=move-meeting]");
        dialogs.WaitForElement("[data-testid=following-summary]");
        await Meetings.MoveAsync(MarId, 1, new DateOnly(2017, 3, 21), TestData.RegisterBuilder.Secretariat);

        dialogs.Find("[data-testid=move-date] input, input[data-testid=move-date]").Change("29/03/2017");
        dialogs.Find("[data-testid=change-confirm]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("changed by someone else", Snackbars.Markup));
        cut.WaitForAssertion(() => Assert.Contains("Tuesday 21 March 2017", RowOf(cut, MarId).TextContent));
    }

    [Fact]
    public async Task A_new_meeting_needs_a_date_and_is_added_to_the_list()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderAs(AppRoles.Secretariat);
        await cut.PressAsync("[data-testid=add-meeting]:not([disabled])");
        await dialogs.PressAsync("[data-testid=meeting-save]");
        dialogs.WaitForAssertion(() => Assert.Contains("Give the date of the meeting.", dialogs.Markup));

        dialogs.Find("[data-testid=meeting-date] input, input[data-testid=meeting-date]").Change("30/05/2017");
        dialogs.Find("input[data-testid=meeting-chair]").Change("John Campion");
        dialogs.Find("[data-testid=meeting-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=meeting-row]").Count));
        Assert.Contains(cut.FindAll("[data-testid=meeting-row]"), r => r.TextContent.Contains("Monthly Assurance Meeting May 2017", StringComparison.Ordinal)
            && r.TextContent.Contains("John Campion", StringComparison.Ordinal) && r.TextContent.Contains("PCC Conference Room", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Planning_the_year_ahead_adds_the_series_meetings_from_its_recurrence()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderAs(AppRoles.Secretariat);
        await cut.PressAsync("[data-testid=plan-year]:not([disabled])");
        await dialogs.PressAsync("[data-testid=plan-confirm]");

        Snackbars.WaitForAssertion(() => Assert.Contains("10 meetings planned.", Snackbars.Markup));
        cut.WaitForAssertion(() => Assert.Equal(13, cut.FindAll("[data-testid=meeting-row]").Count));
        Assert.Contains("Upcoming (13)", cut.Find("[data-testid=meetings-upcoming]").TextContent);
    }
}
