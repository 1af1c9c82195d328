using Bunit;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Components;

public sealed class MeetingPageTests : DashboardContext
{
    private MeetingService Meetings => Database.Get<MeetingService>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.AddHolderAsync("DCC", "Chris Singer", new DateOnly(2016, 11, 1), email: "cs@example.org", temporary: true);
        await Meetings.SetAttendanceAsync(JanId, 1, [new AttendeeInput("John Campion", "Police and Crime Commissioner (PCC)", Attendance.Present)], RegisterBuilder.Secretariat);
        await Register.ActionAsync(JanId, "Burglary minimum standard", "to the February meeting");
    }

    private IRenderedComponent<MeetingPage> RenderMeeting(int id) => Render<MeetingPage>(p => p.Add(x => x.Id, id));

    [Fact]
    public void A_viewer_reads_the_meeting_with_its_downloads_but_cannot_edit_attendance_or_run_it()
    {
        SignInAs(AppRoles.Viewer);
        var cut = RenderMeeting(JanId);
        cut.WaitForAssertion(() => Assert.Contains("John Campion", cut.Markup));
        Assert.Single(cut.FindAll("h1"));
        Assert.Equal("/api/v1/meetings/" + JanId + "/notes.docx", cut.Find("[data-testid=download-notes]").GetAttribute("href"));
        Assert.Single(cut.FindAll("[data-testid=download-actions-pack]"));
        Assert.Empty(cut.FindAll("[data-testid=edit-attendance]"));
        Assert.Empty(cut.FindAll("[data-testid=edit-details]"));
        Assert.Empty(cut.FindAll("[data-testid=run-meeting]"));
    }

    [Fact]
    public void An_unknown_meeting_says_so_and_links_to_the_list()
    {
        SignInAs(AppRoles.Viewer);
        var cut = RenderMeeting(9999);
        cut.WaitForAssertion(() => Assert.Contains("Meeting not found", cut.Find("h1").TextContent));
        Assert.Contains("/meetings", cut.Find("a[href='/meetings']").GetAttribute("href"));
    }

    [Fact]
    public void A_chair_may_run_the_meeting_but_only_the_secretariat_edits_attendance()
    {
        SignInAs(AppRoles.Chair, "John Campion");
        var cut = RenderMeeting(FebId);
        cut.WaitForElement("[data-testid=run-meeting]");
        Assert.Empty(cut.FindAll("[data-testid=edit-attendance]"));
    }

    [Fact]
    public async Task The_secretariat_records_apologies_by_person_with_the_capacity_they_held_on_the_day()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderMeeting(FebId);
        await cut.PressAsync("[data-testid=edit-attendance]");
        dialogs.WaitForAssertion(() => Assert.Contains("Nobody recorded yet", dialogs.Find("[data-testid=attendance-empty]").TextContent));

        dialogs.Find("[data-testid=attendance-dialog] .mud-select .mud-input").MouseDown();
        Popovers.Pick(t => t.Contains("Chris Singer", StringComparison.Ordinal));
        dialogs.Find("[data-testid=attendance-add-person]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("T/Deputy Chief Constable (T/DCC)", dialogs.Find("input[data-testid=attendee-capacity]").GetAttribute("value")));

        dialogs.FindAll("[data-testid=attendee-edit] .mud-select .mud-input").Last().MouseDown();
        Popovers.Pick(t => t == "Apologies", last: true);
        dialogs.Find("[data-testid=attendance-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Chris Singer, T/Deputy Chief Constable (T/DCC)", cut.Find("[data-testid=apologies]").TextContent));
        var saved = Assert.Single(await Meetings.AttendanceForEditAsync(FebId));
        Assert.Equal(Attendance.Apologies, saved.Attendance);
        Assert.NotNull(saved.PersonId);
    }

    [Fact]
    public async Task A_line_without_a_name_is_refused_with_a_message()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderMeeting(FebId);
        await cut.PressAsync("[data-testid=edit-attendance]");
        var addOther = dialogs.WaitForElement("[data-testid=attendance-add-other]");
        var lines = dialogs.FindAll("[data-testid=attendee-edit]").Count;
        addOther.Click();
        dialogs.WaitForAssertion(() => Assert.Equal(lines + 1, dialogs.FindAll("[data-testid=attendee-edit]").Count));
        dialogs.Find("[data-testid=attendance-save]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Give the name, or remove the line.", dialogs.Markup));
    }

    [Fact]
    public async Task The_secretariat_corrects_the_venue_and_chair_and_the_page_shows_them()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderMeeting(JanId);
        await cut.PressAsync("[data-testid=edit-details]");
        dialogs.WaitForElement("input[data-testid=details-venue], [data-testid=details-venue] input").Change("Hindlip Hall, Worcester");
        dialogs.Find("input[data-testid=details-chair], [data-testid=details-chair] input").Change("John Campion, PCC");
        dialogs.Find("[data-testid=details-save]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("Meeting details saved.", Snackbars.Markup));
        cut.WaitForAssertion(() => Assert.Contains("Hindlip Hall, Worcester", cut.Find(".meeting-facts").TextContent));
        Assert.Contains("John Campion, PCC", cut.Find(".meeting-facts").TextContent);
        var saved = (await Meetings.GetSummaryAsync(JanId))!;
        Assert.Equal(("Hindlip Hall, Worcester", "John Campion, PCC"), (saved.Venue, saved.Chair));
    }

    [Fact]
    public async Task The_venue_field_takes_as_many_characters_as_the_meeting_keeps_and_no_more()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderMeeting(JanId);
        await cut.PressAsync("[data-testid=edit-details]");
        var venue = dialogs.WaitForElement("input[data-testid=details-venue], [data-testid=details-venue] input");
        var offered = int.Parse(venue.GetAttribute("maxlength")!, System.Globalization.CultureInfo.InvariantCulture);

        var meeting = (await Meetings.GetSummaryAsync(JanId))!;
        var refused = await Assert.ThrowsAsync<DomainException>(() => Meetings.UpdateDetailsAsync(
            JanId, meeting.Version, new MeetingDetails(meeting.Title, new string('v', offered + 1), null), RegisterBuilder.Secretariat));
        Assert.Equal($"A venue can be at most {offered} characters.", refused.Message);
        await Meetings.UpdateDetailsAsync(JanId, meeting.Version, new MeetingDetails(meeting.Title, new string('v', offered), null), RegisterBuilder.Secretariat);
        Assert.Equal(offered, (await Meetings.GetSummaryAsync(JanId))!.Venue?.Length);
    }

    [Fact]
    public async Task Clearing_the_title_is_refused_in_the_dialog_and_nothing_is_saved()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderMeeting(JanId);
        await cut.PressAsync("[data-testid=edit-details]");
        dialogs.WaitForElement("input[data-testid=details-title], [data-testid=details-title] input").Change("");
        dialogs.Find("[data-testid=details-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Give the meeting a title.", dialogs.Markup));
        Assert.NotEmpty(dialogs.FindAll("[data-testid=meeting-details-dialog]"));
    }

    [Fact]
    public async Task Attendance_changed_by_someone_else_meanwhile_is_not_overwritten_and_the_page_reloads()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderMeeting(JanId);
        await cut.PressAsync("[data-testid=edit-attendance]");
        dialogs.WaitForElement("input[data-testid=attendee-name]");
        await Meetings.SetAttendanceAsync(JanId, 2, [new AttendeeInput("Tracey Onslow", "DPCC", Attendance.Present)], RegisterBuilder.Secretariat);

        dialogs.Find("[data-testid=attendee-remove]").Click();
        dialogs.Find("[data-testid=attendance-save]").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("changed by someone else", Snackbars.Markup));
        cut.WaitForAssertion(() => Assert.Contains("Tracey Onslow", cut.Markup));
        Assert.Equal("Tracey Onslow", Assert.Single(await Meetings.AttendanceForEditAsync(JanId)).Name);
    }

    [Fact]
    public async Task A_thematic_session_lists_its_brought_forward_actions_and_next_session_in_the_sections_its_series_gives_them()
    {
        var (march, action) = await ThematicSessionsAsync();
        SignInAs(AppRoles.Viewer);

        var cut = RenderMeeting(march);

        cut.WaitForAssertion(() => Assert.Contains(action.Text, cut.Find("section[aria-labelledby=section-2]").TextContent));
        Assert.DoesNotContain(action.Text, cut.Find("section[aria-labelledby=section-1]").TextContent);
        Assert.Contains("Why rural crime", cut.Find("section[aria-labelledby=section-1]").TextContent);
        Assert.Equal("Tuesday 11 April 2017, 10:30", cut.Find("section[aria-labelledby=section-5] [data-testid=date-of-next-meeting]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=date-of-next-meeting]"));
        Assert.Empty(cut.FindAll("[data-testid=brought-forward]"));
    }

    [Fact]
    public async Task A_series_without_a_brought_forward_section_still_shows_the_actions_brought_forward_under_their_own_heading()
    {
        int weekly;
        await using (var db = await Database.CreateContextAsync())
        {
            var series = new MeetingSeries { Name = "Weekly Executive", Kind = "Weekly", Sections = [new AgendaSection { Number = "1", Title = "Current issues", Order = 1 }] };
            db.Series.Add(series);
            await db.SaveChangesAsync();
            weekly = series.Id;
        }
        var raisedAt = await Register.MeetingAsync(new DateOnly(2017, 2, 21), MeetingStatus.Held, weekly);
        var meeting = await Register.MeetingAsync(new DateOnly(2017, 3, 7), MeetingStatus.Planned, weekly);
        var action = await Register.ActionAsync(raisedAt, "Fleet replacement costed", dueMeetingId: meeting);
        SignInAs(AppRoles.Viewer);

        var cut = RenderMeeting(meeting);

        cut.WaitForAssertion(() => Assert.Contains(action.Text, cut.Find("[data-testid=brought-forward]").TextContent));
        Assert.Equal("Brought forward", cut.Find("#section-brought-forward").TextContent.Trim());
        Assert.DoesNotContain(action.Text, cut.Find("section[aria-labelledby=section-1]").TextContent);
    }
}
