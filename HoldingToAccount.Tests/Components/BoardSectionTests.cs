using Bunit;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Dashboard.Components.Pages.Board;

namespace HoldingToAccount.Tests.Components;

/// <summary>The part of the conference-room board that shows the agenda section the presenter has chosen.</summary>
public sealed class BoardSectionTests : DashboardContext
{
    private async Task<IRenderedComponent<BoardSection>> RenderSectionAsync(int meetingId, string section)
    {
        var meeting = (await Database.Get<MeetingService>().GetAsync(meetingId))!;
        return Render<BoardSection>(p => p.Add(x => x.Meeting, meeting).Add(x => x.Section, section));
    }

    [Fact]
    public async Task A_thematic_board_shows_the_actions_brought_forward_at_the_section_its_series_gives_them()
    {
        var (march, action) = await ThematicSessionsAsync();

        var broughtForward = await RenderSectionAsync(march, "2");
        var introduction = await RenderSectionAsync(march, "1");

        Assert.Equal("2 Actions from earlier sessions", broughtForward.Find("#board-section-heading").TextContent);
        Assert.Contains("Brought forward (1)", broughtForward.Markup);
        Assert.NotNull(broughtForward.Find($"[data-testid=board-action][data-ref='{action.Reference}']"));
        Assert.Equal("1 Introduction and purpose", introduction.Find("#board-section-heading").TextContent);
        Assert.Contains("1.1 Why rural crime", introduction.Markup);
        Assert.Empty(introduction.FindAll($"[data-testid=board-action][data-ref='{action.Reference}']"));
    }

    [Fact]
    public async Task The_monthly_board_keeps_its_actions_brought_forward_in_section_1()
    {
        var action = await Register.ActionAsync(JanId, "Burglary minimum standard", "to the February meeting");

        var outstanding = await RenderSectionAsync(FebId, "1");
        var performance = await RenderSectionAsync(FebId, "4a");

        Assert.NotNull(outstanding.Find($"[data-testid=board-action][data-ref='{action.Reference}']"));
        Assert.Empty(performance.FindAll($"[data-testid=board-action][data-ref='{action.Reference}']"));
    }
}
