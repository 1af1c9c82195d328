using Bunit;
using HoldingToAccount.Core.People;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.People;
using HoldingToAccount.Tests.TestData;
using PeoplePage = HoldingToAccount.Dashboard.Components.Pages.People.People;

namespace HoldingToAccount.Tests.Components;

public sealed class PeoplePageTests : DashboardContext
{
    private PeopleService People => Database.Get<PeopleService>();
    private HoldingRow _shawDcc = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var secretariat = RegisterBuilder.Secretariat;
        var bangham = await People.AddPersonAsync(new PersonInput("Anthony Bangham", "ab@example.org"), secretariat);
        var shaw = await People.AddPersonAsync(new PersonInput("David Shaw", "ds@example.org"), secretariat);
        await People.AddPersonAsync(new PersonInput("Chris Singer", null, Active: false), secretariat);
        await People.AddHoldingAsync(new HoldingInput(bangham.Id, "CC", new DateOnly(2016, 1, 1)), secretariat);
        _shawDcc = await People.AddHoldingAsync(new HoldingInput(shaw.Id, "DCC", new DateOnly(2014, 1, 1)), secretariat);
    }

    private IRenderedComponent<PeoplePage> RenderAs(string role)
    {
        if (role != AppRoles.Secretariat)
            SignInAs(role, "Viewer");
        return Render<PeoplePage>();
    }

    private static string Row(IRenderedComponent<PeoplePage> cut, string name) =>
        cut.Find($"[data-testid=person-row][data-person='{name}']").TextContent;

    [Fact]
    public void Everyone_sees_who_holds_each_role_and_the_vacancies_in_words_but_only_the_secretariat_can_change_them()
    {
        var cut = RenderAs(AppRoles.Viewer);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=person-row]").Count));
        Assert.Single(cut.FindAll("h1"));
        Assert.Contains("Anthony Bangham", cut.Find("[data-testid=role-row][data-code=CC]").TextContent);
        Assert.Contains("Vacant", cut.Find("[data-testid=role-row][data-code=ACC]").TextContent);
        Assert.Contains("Vacant today: ACC, PCC", cut.Find("[data-testid=vacancies]").TextContent);
        Assert.Contains("from 1 Jan 2014 (still held)", Row(cut, "David Shaw"));
        Assert.Empty(cut.FindAll("[data-testid=add-person]"));
        Assert.Empty(cut.FindAll("[data-testid=edit-person]"));
        Assert.Empty(cut.FindAll("[data-testid=record-holder]"));
        Assert.Empty(cut.FindAll("[data-testid=end-holding]"));
    }

    [Fact]
    public void People_who_left_the_force_are_shown_on_request_and_marked_in_words()
    {
        var cut = RenderAs(AppRoles.Viewer);
        cut.WaitForAssertion(() => Assert.Contains("David Shaw", cut.Markup));
        Assert.DoesNotContain("Chris Singer", cut.Markup);
        cut.Find("input[data-testid=show-left], [data-testid=show-left] input").Change(true);
        cut.WaitForAssertion(() => Assert.Contains("Left the force", Row(cut, "Chris Singer")));
        Assert.Contains("Active", Row(cut, "David Shaw"));
    }

    [Fact]
    public async Task Adding_a_person_without_a_name_is_refused_with_a_message_then_saved_with_one()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderAs(AppRoles.Secretariat);
        await cut.PressAsync("[data-testid=add-person]");
        await dialogs.PressAsync("[data-testid=person-save]");
        dialogs.WaitForAssertion(() => Assert.Contains("Give the person's name.", dialogs.Markup));

        dialogs.Find("input[data-testid=person-name]").Change("Tracey Onslow");
        dialogs.Find("input[data-testid=person-email]").Change("not an address");
        dialogs.Find("[data-testid=person-save]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Write a whole e-mail address", dialogs.Markup));

        dialogs.Find("input[data-testid=person-email]").Change("tracey.onslow@example.org");
        dialogs.Find("[data-testid=person-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("tracey.onslow@example.org", Row(cut, "Tracey Onslow")));
        Snackbars.WaitForAssertion(() => Assert.Contains("Tracey Onslow added.", Snackbars.Markup));
    }

    [Fact]
    public async Task A_temporary_holder_is_recorded_from_the_role_row_and_shown_as_T_slash()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderAs(AppRoles.Secretariat);
        await cut.PressAsync("[data-testid=role-row][data-code=DCC] [data-testid=record-holder]");

        dialogs.WaitForElement("[data-testid=holding-dialog] .mud-select .mud-input").MouseDown();
        Popovers.Pick(t => t.Contains("Anthony Bangham", StringComparison.Ordinal));
        dialogs.Find("[data-testid=holding-from] input, input[data-testid=holding-from]").Change("01/02/2017");
        dialogs.Find("[data-testid=holding-temporary] input, input[data-testid=holding-temporary]").Change(true);
        dialogs.Find("[data-testid=holding-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("T/DCC", Row(cut, "Anthony Bangham")));
        var holders = (await People.RolesAsync(new DateOnly(2017, 2, 28))).Single(r => r.Code == "DCC").Holders;
        Assert.Contains(holders, h => h.PersonName == "Anthony Bangham" && h.Temporary && h.From == new DateOnly(2017, 2, 1));
    }

    [Fact]
    public async Task Ending_a_holding_is_confirmed_in_a_dialog_and_leaves_the_role_vacant()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        var dialogs = RenderProviders();
        var cut = RenderAs(AppRoles.Secretariat);
        await cut.PressAsync("[data-testid=person-row][data-person='David Shaw'] [data-testid=end-holding]");
        dialogs.WaitForAssertion(() => Assert.Contains("End David Shaw's holding of DCC", dialogs.Markup));
        dialogs.Find("[data-testid=end-holding-date] input, input[data-testid=end-holding-date]").Change("27/02/2017");
        dialogs.Find("[data-testid=end-holding-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Vacant", cut.Find("[data-testid=role-row][data-code=DCC]").TextContent));
        Assert.Contains("to 27 Feb 2017", Row(cut, "David Shaw"));
        Assert.Equal(new DateOnly(2017, 2, 27), (await People.PeopleAsync()).Single(p => p.Name == "David Shaw").Holdings.Single(h => h.Id == _shawDcc.Id).To);
    }
}
