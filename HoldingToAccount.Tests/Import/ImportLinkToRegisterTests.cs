using Bunit;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Import;
using HoldingToAccount.Tests.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Import;

/// <summary>
/// The review page over the real import service on a real SQLite register: a brought-forward action whose notes number
/// it differently from the register (so nothing matches it automatically) is linked by hand to the register's action.
/// </summary>
public sealed class ImportLinkToRegisterTests : DashboardContext
{
    /// <summary>
    /// March 2017 notes bringing forward one action. The office's old paper log numbered it 2016/14; the register knows
    /// it as the January meeting's action, so only its text can link them.
    /// </summary>
    internal const string MarchNotes = """
        Monthly Assurance Meeting – March 2017 – Notes

        Date: Tuesday 14 March 2017 @ 10:30
        Chair: John Campion

        1. ACTIONS BROUGHT FORWARD
        2016/14 – DCC to bring options for the custody estate to the board.
        10/03/2017 – Options paper to go to the Executive Board first. C/Fwd

        2. DATE OF NEXT MEETING
        Tuesday 28 March 2017 at 10:30
        """;

    private ActionRow _custody = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _custody = await Register.ActionAsync(JanId, "Review of the custody estate, with options", "to the February meeting", owners: ["DCC"]);
        await Register.ActionAsync(JanId, "Vehicle crime review", "to the February meeting", owners: ["ACC"]);
        Services.AddSingleton(new ImportService(Database.Get<IDbContextFactory<AppDbContext>>(), Database.Clock));
    }

    private IRenderedComponent<ImportPage> UploadNotes()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        RenderProviders();
        var cut = Render<ImportPage>();
        cut.WaitForComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(MarchNotes, "march.txt"));
        cut.WaitForElement("[data-testid=import-action-link]");
        return cut;
    }

    private void Choose(IRenderedComponent<ImportPage> cut, string startingWith)
    {
        cut.Find("[data-testid=import-action-link] .mud-select .mud-input").MouseDown();
        Popovers.Pick(t => t.StartsWith(startingWith, StringComparison.Ordinal));
    }

    private static void CheckAndCommit(IRenderedComponent<ImportPage> cut)
    {
        cut.Find("[data-testid=import-check]").Click();
        cut.WaitForElement("[data-testid=import-confirm-commit]").Click();
        cut.WaitForElement("[data-testid=import-result]");
    }

    [Fact]
    public async Task A_brought_forward_action_linked_by_hand_adds_its_update_to_the_register_action_and_raises_nothing_new()
    {
        var cut = UploadNotes();
        var link = cut.Find("[data-testid=import-action-existing]");
        Assert.Equal("combobox", link.GetAttribute("role"));
        Assert.Equal("Continues register action", link.GetAttribute("aria-label"));
        Assert.Contains("Continues register action", cut.Find("[data-testid=import-action-link] label").TextContent, StringComparison.Ordinal); // a visible label
        Assert.Contains("Not in the register", link.TextContent, StringComparison.Ordinal); // nothing matched automatically

        Choose(cut, _custody.Reference);
        cut.WaitForAssertion(() => Assert.Contains($"{_custody.Reference} — Review of the custody estate", cut.Find("[data-testid=import-action-existing]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid=import-check]").Click();
        cut.WaitForAssertion(() => Assert.Contains("0 actions raised, 1 brought-forward action updated", cut.Find("[data-testid=import-confirm]").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains($"brought forward · {_custody.Reference}", cut.Find("[data-testid=import-action]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid=import-confirm-commit]").Click();
        cut.WaitForElement("[data-testid=import-result]");

        var custody = (await Actions.GetAsync(_custody.Reference))!;
        var update = Assert.Single(custody.Updates);
        Assert.Equal("Options paper to go to the Executive Board first", update.Text);
        Assert.Equal(new DateOnly(2017, 3, 10), update.Date);
        Assert.Equal(ActionStatus.UpdateProvided, custody.Action.Status);
        await using var db = await Database.CreateContextAsync();
        Assert.Equal(2, await db.Actions.CountAsync()); // no duplicate raised
        Assert.False(await db.Actions.AnyAsync(a => a.Text.Contains("custody estate to the board")));
    }

    [Fact]
    public async Task Left_unlinked_the_brought_forward_action_is_raised_at_the_imported_meeting()
    {
        var cut = UploadNotes();
        Choose(cut, _custody.Reference);
        Choose(cut, "Not in the register"); // changed their mind: clear the link
        CheckAndCommit(cut);

        Assert.Empty((await Actions.GetAsync(_custody.Reference))!.Updates);
        await using var db = await Database.CreateContextAsync();
        var raised = await db.Actions.Include(a => a.Updates).SingleAsync(a => a.Text.Contains("custody estate to the board"));
        Assert.Equal(2017, raised.Year);
        Assert.Single(raised.Updates);
    }
}
