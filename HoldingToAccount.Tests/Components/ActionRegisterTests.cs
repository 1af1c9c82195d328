using Bunit;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Actions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Components;

public sealed class ActionRegisterTests : DashboardContext
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Register.ActionAsync(JanId, "Burglary minimum standard", "to the February meeting");
        await Register.ActionAsync(JanId, "Vehicle crime review", "to the March meeting", owners: ["ACC"]);
        await Register.ActionAsync(JanId, "Estates plan", "to the April meeting", owners: ["DCC"]);
    }

    private IRenderedComponent<ActionRegister> RenderAt(string url)
    {
        SignInAs(AppRoles.Viewer);
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<ActionRegister>();
    }

    private static List<string> Refs(IRenderedComponent<ActionRegister> cut) =>
        cut.FindAll("[data-testid=action-link]").Select(a => a.GetAttribute("data-ref")!).ToList();

    [Fact]
    public void The_grid_shows_the_register_newest_first_with_status_in_words()
    {
        var cut = RenderAt("/actions");
        cut.WaitForAssertion(() => Assert.Equal(["2017/03", "2017/02", "2017/01"], Refs(cut)));
        Assert.Contains("3 actions", cut.Find("[data-testid=register-total]").TextContent);
        Assert.All(cut.FindAll("[data-testid=action-status]"), chip => Assert.Contains("Open", chip.TextContent));
        Assert.Single(cut.FindAll("h1"));
    }

    [Theory]
    [InlineData(AppRoles.Viewer, new[] { "2017/03", "2017/02", "2017/01" })]
    [InlineData(AppRoles.Secretariat, new[] { "2017/04", "2017/03", "2017/02", "2017/01" })]
    public async Task A_restricted_action_is_left_out_of_a_viewers_register_and_its_count(string role, string[] shown)
    {
        var secretariat = new HoldingToAccount.Core.Access.Actor("Sam Carter", HoldingToAccount.Core.Access.AccessLevel.Secretariat);
        var restricted = await Register.ActionAsync(JanId, "Covert budget briefing", "to the February meeting");
        await Database.Get<HoldingToAccount.Core.Publishing.PublicationService>().SetActionRestrictedAsync(restricted.Id, true, secretariat);
        SignInAs(role);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/actions");
        var cut = Render<ActionRegister>();

        cut.WaitForAssertion(() => Assert.Equal(shown, Refs(cut)));
        Assert.Contains($"{shown.Length} actions", cut.Find("[data-testid=register-total]").TextContent);
        Assert.Equal(role == AppRoles.Secretariat, cut.Markup.Contains("Covert budget briefing", StringComparison.Ordinal));
    }

    [Fact]
    public void Filters_are_read_from_the_URL_so_a_view_can_be_bookmarked()
    {
        var cut = RenderAt("/actions?owner=ACC");
        cut.WaitForAssertion(() => Assert.Equal(["2017/02"], Refs(cut)));
    }

    [Fact]
    public void Typing_in_the_search_puts_it_in_the_URL_without_pressing_anything()
    {
        var cut = RenderAt("/actions");
        cut.WaitForAssertion(() => Assert.Equal(3, Refs(cut).Count));
        cut.Find("input[data-testid=filter-text]").Input("Estates");

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("q=Estates", navigation.Uri));
        cut.WaitForAssertion(() => Assert.Equal(["2017/03"], Refs(cut)));
    }

    [Fact]
    public void When_nothing_matches_the_page_says_what_to_do_next()
    {
        var cut = RenderAt("/actions?q=nothing-like-this");
        cut.WaitForAssertion(() => Assert.Contains("Clear filters", cut.Find("[data-testid=register-empty]").TextContent));
    }

    [Fact]
    public void Overdue_and_carried_filters_come_from_the_URL_too()
    {
        var cut = RenderAt("/actions?overdue=true&carried=1");
        cut.WaitForAssertion(() => Assert.Contains("0 actions", cut.Find("[data-testid=register-total]").TextContent));
    }
}
