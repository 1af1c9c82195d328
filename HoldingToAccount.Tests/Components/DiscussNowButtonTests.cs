using Bunit;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Dashboard.Components.Pages.Meetings;

namespace HoldingToAccount.Tests.Components;

/// <summary>The Run page's "Discuss now" on an action: it puts that action large on every board showing the meeting.</summary>
public sealed class DiscussNowButtonTests : DashboardContext
{
    [Fact]
    public async Task Discuss_now_puts_the_action_in_focus_on_the_boards_and_pressing_it_again_takes_it_off()
    {
        var action = await Register.ActionAsync(JanId, "Burglary minimum standard", "to the February meeting");
        var focus = Database.Get<PresenterFocus>();
        var cut = Render<DiscussNowButton>(p => p.Add(x => x.Action, action).Add(x => x.MeetingId, FebId));

        cut.Find("[data-testid=discuss-now]").Click();

        cut.WaitForAssertion(() => Assert.Equal(action.Id, focus.Of(FebId)?.ActionId));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=discuss-now]").GetAttribute("aria-pressed")));
        Assert.Contains("Now discussing on the board", cut.Find("[data-testid=discuss-now]").TextContent);

        cut.Find("[data-testid=discuss-now]").Click();

        cut.WaitForAssertion(() => Assert.Null(focus.Of(FebId)?.ActionId));
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=discuss-now]").GetAttribute("aria-pressed")));
    }

    [Fact]
    public async Task Another_action_put_in_focus_elsewhere_releases_this_button()
    {
        var burglary = await Register.ActionAsync(JanId, "Burglary minimum standard", "to the February meeting");
        var custody = await Register.ActionAsync(JanId, "Custody overtime", "to the February meeting");
        var cut = Render<DiscussNowButton>(p => p.Add(x => x.Action, burglary).Add(x => x.MeetingId, FebId));
        cut.Find("[data-testid=discuss-now]").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=discuss-now]").GetAttribute("aria-pressed")));

        Database.Get<PresenterFocus>().Discuss(FebId, custody.Id);

        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=discuss-now]").GetAttribute("aria-pressed")));
    }
}
