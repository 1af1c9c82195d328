using Bunit;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Dashboard.Auth;
using HoldingToAccount.Dashboard.Components.Pages.Import;
using HoldingToAccount.Tests.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HoldingToAccount.Tests.Import;

/// <summary>
/// The review page over the real import service on a real SQLite register: when the reviewer moves the meeting to another
/// series or date, the register actions a brought-forward action can continue, and the suggested link, follow it.
/// </summary>
public sealed class ImportRematchTests : DashboardContext
{
    private const string _board = "Accountability Board";

    private ActionRow _custody = null!;
    private ActionRow _vehicles = null!;
    private ActionRow _rural = null!;
    private int _boardId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Series A (the monthly meeting) holds the action the notes bring forward, word for word (the notes number it from an old log).
        _custody = await Register.ActionAsync(JanId, "DCC to bring options for the custody estate to the board", "to the February meeting", owners: ["DCC"]);
        _vehicles = await Register.ActionAsync(JanId, "Vehicle crime review", "to the February meeting", owners: ["ACC"]);
        // Series B (the board) has an open action of its own, but not that one.
        await using (var db = await Database.CreateContextAsync())
        {
            var board = new MeetingSeries { Name = _board, Kind = "Board", Recurrence = "first Thursday monthly 14:00" };
            db.Series.Add(board);
            await db.SaveChangesAsync();
            _boardId = board.Id;
        }
        var boardJan = await Register.MeetingAsync(new DateOnly(2017, 1, 5), seriesId: _boardId);
        _rural = await Register.ActionAsync(boardJan, "Rural crime plan to be refreshed", "to the next meeting", owners: ["CC"]);
        Services.AddSingleton(new ImportService(Database.Get<IDbContextFactory<AppDbContext>>(), Database.Clock));
    }

    private IRenderedComponent<ImportPage> UploadNotes()
    {
        SignInAs(AppRoles.Secretariat, "Sam Carter");
        RenderProviders();
        var cut = Render<ImportPage>();
        cut.WaitForComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(ImportLinkToRegisterTests.MarchNotes, "march.txt"));
        cut.WaitForElement("[data-testid=import-action-link]");
        return cut;
    }

    private void Pick(IRenderedComponent<ImportPage> cut, string selectSelector, string startingWith)
    {
        cut.Find($"{selectSelector} .mud-select .mud-input").MouseDown();
        Popovers.Pick(t => t.StartsWith(startingWith, StringComparison.Ordinal), options: ".mud-popover-open .mud-list-item");
    }

    private void ChooseSeries(IRenderedComponent<ImportPage> cut, string name) => Pick(cut, "[data-testid=import-meeting]", name);

    private void ChooseLink(IRenderedComponent<ImportPage> cut, string startingWith) => Pick(cut, "[data-testid=import-action-link]", startingWith);

    private static Task ChooseDate(IRenderedComponent<ImportPage> cut, DateTime date)
    {
        var picker = cut.FindComponent<MudDatePicker>();
        return cut.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(date));
    }

    /// <summary>What the "Continues register action" select shows.</summary>
    private static string Link(IRenderedComponent<ImportPage> cut) => cut.Find("[data-testid=import-action-existing]") is var input
        ? $"{input.GetAttribute("value")} {input.TextContent}" : "";

    private List<string> Offered(IRenderedComponent<ImportPage> cut)
    {
        cut.Find("[data-testid=import-action-link] .mud-select .mud-input").MouseDown();
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-popover-open .mud-list-item")));
        var items = Popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        cut.Find("[data-testid=import-action-link] .mud-select .mud-input").MouseDown(); // close it again
        return items;
    }

    [Fact]
    public async Task Moving_the_meeting_to_a_series_without_the_action_clears_the_suggestion_with_a_message_and_moving_it_back_restores_it()
    {
        var cut = UploadNotes();
        cut.WaitForAssertion(() => Assert.Contains($"{_custody.Reference} — DCC to bring options", Link(cut), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=import-link-cleared]"));

        ChooseSeries(cut, _board);
        cut.WaitForAssertion(() => Assert.Contains("Not in the register", Link(cut), StringComparison.Ordinal));
        var notice = cut.WaitForElement("[data-testid=import-link-cleared]");
        Assert.Equal("status", notice.GetAttribute("role"));
        Assert.Contains($"no longer linked to {_custody.Reference}", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains($"not open in {_board} before 14 Mar 2017", notice.TextContent, StringComparison.Ordinal);
        var offered = Offered(cut);
        Assert.Contains(offered, o => o.StartsWith(_rural.Reference, StringComparison.Ordinal));
        Assert.DoesNotContain(offered, o => o.StartsWith(_custody.Reference, StringComparison.Ordinal) || o.StartsWith(_vehicles.Reference, StringComparison.Ordinal));

        ChooseSeries(cut, "Monthly Assurance Meeting");
        cut.WaitForAssertion(() => Assert.Contains($"{_custody.Reference} — DCC to bring options", Link(cut), StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=import-link-cleared]")));
        Assert.DoesNotContain(Offered(cut), o => o.StartsWith(_rural.Reference, StringComparison.Ordinal));

        // What is committed follows the page: the March meeting of the monthly series continues the January action.
        cut.Find("[data-testid=import-check]").Click();
        cut.WaitForAssertion(() => Assert.Contains("0 actions raised, 1 brought-forward action updated", cut.Find("[data-testid=import-confirm]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid=import-confirm-commit]").Click();
        cut.WaitForElement("[data-testid=import-result]");
        Assert.Single((await Actions.GetAsync(_custody.Reference))!.Updates);
    }

    [Fact]
    public async Task Moving_the_meeting_before_the_action_was_raised_clears_the_suggestion()
    {
        var cut = UploadNotes();
        cut.WaitForAssertion(() => Assert.Contains(_custody.Reference, Link(cut), StringComparison.Ordinal));

        await ChooseDate(cut, new DateTime(2017, 1, 20));
        cut.WaitForAssertion(() => Assert.Contains("Not in the register", Link(cut), StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains("before 20 Jan 2017", cut.Find("[data-testid=import-link-cleared]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(Offered(cut), o => o.StartsWith(_custody.Reference, StringComparison.Ordinal));

        await ChooseDate(cut, new DateTime(2017, 3, 14));
        cut.WaitForAssertion(() => Assert.Contains($"{_custody.Reference} — DCC to bring options", Link(cut), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=import-link-cleared]"));
    }

    [Fact]
    public async Task A_link_chosen_by_hand_stays_while_its_action_is_offered_and_is_cleared_with_a_message_when_it_is_not()
    {
        var cut = UploadNotes();
        cut.WaitForAssertion(() => Assert.Contains(_custody.Reference, Link(cut), StringComparison.Ordinal));
        ChooseLink(cut, _vehicles.Reference);
        cut.WaitForAssertion(() => Assert.Contains($"{_vehicles.Reference} — Vehicle crime review", Link(cut), StringComparison.Ordinal));

        // A later date still offers it: the reviewer's choice stands rather than the suggestion.
        await ChooseDate(cut, new DateTime(2017, 3, 21));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=import-link-matching]")));
        Assert.Contains($"{_vehicles.Reference} — Vehicle crime review", Link(cut), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=import-link-cleared]"));

        ChooseSeries(cut, _board);
        cut.WaitForAssertion(() => Assert.Contains("Not in the register", Link(cut), StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains($"no longer linked to {_vehicles.Reference}", cut.Find("[data-testid=import-link-cleared]").TextContent, StringComparison.Ordinal));
        Assert.Contains("choose another register action", cut.Find("[data-testid=import-link-cleared]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Choosing_not_in_the_register_by_hand_is_kept_when_the_series_changes_and_changes_back()
    {
        var cut = UploadNotes();
        cut.WaitForAssertion(() => Assert.Contains($"brought forward · {_custody.Reference}", cut.Find("[data-testid=import-action]").TextContent, StringComparison.Ordinal));
        ChooseLink(cut, "Not in the register");
        cut.WaitForAssertion(() => Assert.Contains("Not in the register", Link(cut), StringComparison.Ordinal));

        ChooseSeries(cut, _board);
        // The suggestion read at the monthly series is not shown once the meeting has moved.
        cut.WaitForAssertion(() => Assert.DoesNotContain($"brought forward · {_custody.Reference}", cut.Find("[data-testid=import-action]").TextContent, StringComparison.Ordinal));
        ChooseSeries(cut, "Monthly Assurance Meeting");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=import-link-matching]")));
        Assert.Contains("Not in the register", Link(cut), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=import-link-cleared]"));
    }

    [Fact]
    public async Task Core_offers_the_actions_of_the_series_open_at_the_date_and_matches_by_text()
    {
        var service = Services.GetRequiredService<ImportService>();
        var draft = ImportService.Read("march.txt", System.Text.Encoding.UTF8.GetBytes(ImportLinkToRegisterTests.MarchNotes));
        var actor = TestData.RegisterBuilder.Secretariat;

        var monthly = await service.RegisterLinksAsync(draft, new ImportCorrections { SeriesId = Register.SeriesId }, actor);
        Assert.Equal([_vehicles.Reference, _custody.Reference], monthly.Offered.Select(o => o.Reference));
        Assert.Equal(_custody.Reference, monthly.MatchFor(0));

        var board = await service.RegisterLinksAsync(draft, new ImportCorrections { SeriesId = _boardId }, actor);
        Assert.Equal([_rural.Reference], board.Offered.Select(o => o.Reference));
        Assert.Null(board.MatchFor(0));

        var january = await service.RegisterLinksAsync(draft, new ImportCorrections { SeriesId = Register.SeriesId, Date = new DateOnly(2017, 1, 20) }, actor);
        Assert.Empty(january.Offered);
        Assert.Null(january.MatchFor(0));
    }
    private static void Reword(IRenderedComponent<ImportPage> cut, string text) =>
        cut.Find("textarea[data-testid=import-action-text], [data-testid=import-action-text] textarea").Change(text);

    [Fact]
    public void Rewording_a_brought_forward_action_matches_it_again_and_says_what_it_now_continues()
    {
        var cut = UploadNotes();
        cut.WaitForAssertion(() => Assert.Contains($"{_custody.Reference} — DCC to bring options", Link(cut), StringComparison.Ordinal));

        // The reviewer sees the notes meant the vehicle crime action and rewords it as the register has it.
        Reword(cut, "Vehicle crime review");
        cut.WaitForAssertion(() => Assert.Contains($"{_vehicles.Reference} — Vehicle crime review", Link(cut), StringComparison.Ordinal));
        var notice = cut.WaitForElement("[data-testid=import-link-cleared]");
        Assert.Equal("status", notice.GetAttribute("role"));
        Assert.Contains($"it now continues {_vehicles.Reference}", notice.TextContent, StringComparison.Ordinal);

        // Worded as nothing in the register: not linked, and told so rather than left on the old link.
        Reword(cut, "Prepare a paper on neighbourhood policing for the summer");
        cut.WaitForAssertion(() => Assert.Contains("Not in the register", Link(cut), StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains($"no longer continues {_vehicles.Reference}", cut.Find("[data-testid=import-link-cleared]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_chosen_by_hand_stays_when_the_action_is_reworded()
    {
        var cut = UploadNotes();
        cut.WaitForAssertion(() => Assert.Contains(_custody.Reference, Link(cut), StringComparison.Ordinal));
        ChooseLink(cut, _vehicles.Reference);
        cut.WaitForAssertion(() => Assert.Contains($"{_vehicles.Reference} — Vehicle crime review", Link(cut), StringComparison.Ordinal));

        Reword(cut, "DCC to bring options for the custody estate to the board");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=import-link-matching]")));
        Assert.Contains($"{_vehicles.Reference} — Vehicle crime review", Link(cut), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=import-link-cleared]"));
    }

    [Fact]
    public async Task The_warning_of_a_meeting_already_on_the_date_follows_the_series_and_date_chosen()
    {
        var cut = UploadNotes();
        cut.WaitForAssertion(() => Assert.Contains(_custody.Reference, Link(cut), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=import-previous]"));

        // The series meets on 28 March: importing these notes on that date would update that meeting, and the page says so at once.
        await ChooseDate(cut, Mar.ToDateTime(TimeOnly.MinValue));
        cut.WaitForAssertion(() => Assert.Contains("The series already has a meeting on this date", cut.Find("[data-testid=import-previous]").TextContent, StringComparison.Ordinal));
        Assert.Equal($"/meetings/{MarId}", cut.Find("[data-testid=import-previous] a").GetAttribute("href"));

        // The board has no meeting that day, and the notes' own date had none either.
        ChooseSeries(cut, _board);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=import-previous]")));
        ChooseSeries(cut, "Monthly Assurance Meeting");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=import-previous]")));
        await ChooseDate(cut, new DateTime(2017, 3, 14));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=import-previous]")));
    }
}
