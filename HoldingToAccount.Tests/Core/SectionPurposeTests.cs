using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

/// <summary>Which section of a meeting's agenda lists the actions brought forward, and which gives the next meeting.</summary>
[Needs(Need.Database)]
public sealed class SectionPurposeTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 3, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private MeetingService Meetings => _db.Get<MeetingService>();

    [Fact]
    public async Task A_thematic_meeting_takes_its_brought_forward_and_next_meeting_sections_from_its_series_not_from_numbers_or_titles()
    {
        var thematic = await _register.ThematicSeriesAsync();
        var meeting = await _register.MeetingAsync(new DateOnly(2017, 3, 14), seriesId: thematic);

        var detail = (await Meetings.GetAsync(meeting))!;

        Assert.Equal("2 Actions from earlier sessions", $"{detail.BroughtForwardSection()?.Number} {detail.BroughtForwardSection()?.Title}");
        Assert.Equal("5 When we meet again", $"{detail.NextMeetingSection()?.Number} {detail.NextMeetingSection()?.Title}");
        Assert.Equal(["2"], detail.Agenda.Where(detail.HoldsBroughtForward).Select(s => s.Number));
    }

    [Fact]
    public async Task A_series_without_a_brought_forward_section_has_none_rather_than_its_first()
    {
        await using (var db = await _db.CreateContextAsync())
        {
            db.Series.Add(new MeetingSeries
            {
                Name = "Weekly Executive",
                Kind = "Weekly",
                Sections = [new AgendaSection { Number = "1", Title = "Current issues", Order = 1 }],
            });
            await db.SaveChangesAsync();
        }
        var weekly = (await Meetings.ListSeriesAsync()).Single(s => s.Name == "Weekly Executive");
        var meeting = await _register.MeetingAsync(new DateOnly(2017, 3, 7), seriesId: weekly.Id);

        var detail = (await Meetings.GetAsync(meeting))!;

        Assert.Null(detail.BroughtForwardSection());
        Assert.Null(detail.NextMeetingSection());
        Assert.True(weekly.Sections.Single().TakesItems());
    }

    [Fact]
    public async Task A_revisit_may_go_in_any_section_but_the_one_that_lists_the_actions_brought_forward()
    {
        await _register.ThematicSeriesAsync();

        var sections = (await Meetings.ListSeriesAsync()).Single(s => s.Name == "Thematic: Rural Crime").Sections;

        Assert.Equal(["1", "3", "5"], sections.Where(s => s.TakesItems()).Select(s => s.Number));
    }

    [Theory]
    [InlineData("OUTSTANDING MATTERS / ITEMS BROUGHT FORWARD", SectionPurpose.BroughtForward)]
    [InlineData("Outstanding actions", SectionPurpose.BroughtForward)]
    [InlineData("Actions from the previous meeting", SectionPurpose.BroughtForward)]
    [InlineData("Action log", SectionPurpose.BroughtForward)]
    [InlineData("DATE OF NEXT MEETING:", SectionPurpose.NextMeeting)]
    [InlineData("Date and time of the next meeting", SectionPurpose.NextMeeting)]
    [InlineData("AOB", SectionPurpose.Business)]
    [InlineData("HMIC inspection programme / matters arising from the service improvement board (SIB)", SectionPurpose.Business)]
    public void A_heading_in_written_notes_says_what_its_section_is_for(string title, SectionPurpose purpose) =>
        Assert.Equal(purpose, SectionPurposes.FromTitle(title));
}
