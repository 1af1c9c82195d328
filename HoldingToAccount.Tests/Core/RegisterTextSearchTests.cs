using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Core;

/// <summary>
/// The register's text search (FTS5 on SQLite, full-text search on PostgreSQL) and its "open" status, on a register where
/// the words of "Burglary North Worcestershire" are spread over an action's text, its agenda item and another's update.
/// </summary>
[Needs(Need.Database)]
public sealed class RegisterTextSearchTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;
    private int _itemId, _jan;
    private string _underItem = "", _byUpdate = "", _estates = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        var jan = _jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        await using (var db = await _db.CreateContextAsync())
        {
            var item = new AgendaItem { MeetingId = jan, Section = "4a", Number = "4a.1", Title = "Domestic burglary", Order = 1 };
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync();
            _itemId = item.Id;
        }
        var actions = _db.Get<ActionService>();
        _underItem = (await actions.RaiseAsync(new NewAction(jan, "Bring back the minimum standard for North Worcestershire", ["CC"], "to the February meeting", AgendaItemId: _itemId), RegisterBuilder.Secretariat)).Reference;
        _byUpdate = (await _register.ActionAsync(jan, "Review of vehicle crime", "to the February meeting")).Reference;
        _estates = (await _register.ActionAsync(jan, "Estates plan for Worcestershire", "to the February meeting", owners: ["DCC"])).Reference;
        await actions.AddUpdateAsync(_byUpdate, null, "Burglary in north Worcestershire is back in line.", null, RegisterBuilder.Secretariat);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();

    private async Task<List<string>> FoundAsync(string text) =>
        (await Actions.SearchAsync(new RegisterQuery(Text: text), 0, 500)).Items.Select(a => a.Reference).Order().ToList();

    [Theory]
    [InlineData("Burglary North Worcestershire")]
    [InlineData("worcestershire BURGLARY north")]
    [InlineData("  north,   burglary… worcestershire! ")]
    public async Task Every_word_in_any_order_finds_actions_across_their_text_agenda_item_and_updates(string text)
    {
        Assert.Equal(new[] { _underItem, _byUpdate }.Order(), await FoundAsync(text));
    }

    [Fact]
    public async Task Words_match_the_start_of_a_word_so_burg_finds_burglary()
    {
        Assert.Equal(new[] { _underItem, _byUpdate }.Order(), await FoundAsync("burg worc"));
        Assert.Equal([_estates], await FoundAsync("estat"));
        Assert.Empty(await FoundAsync("urglary"));
    }

    [Fact]
    public async Task A_word_found_nowhere_leaves_nothing_even_when_the_others_match()
    {
        Assert.Empty(await FoundAsync("burglary north worcestershire robbery"));
    }

    [Fact]
    public async Task The_search_follows_new_updates_changed_item_titles_and_removed_actions()
    {
        Assert.Equal([_estates], await FoundAsync("estates"));
        await Actions.AddUpdateAsync(_estates, null, "The custody suite refurbishment has started.", null, RegisterBuilder.Secretariat);
        Assert.Equal([_estates], await FoundAsync("custody refurb"));

        await using (var db = await _db.CreateContextAsync())
        {
            var item = await db.AgendaItems.SingleAsync(i => i.Id == _itemId);
            item.Title = "Rural crime";
            await db.SaveChangesAsync();
        }
        Assert.Equal([_underItem], await FoundAsync("rural"));
        Assert.Equal([_byUpdate], await FoundAsync("burglary"));

        await using (var db = await _db.CreateContextAsync())
            await db.Actions.Where(a => a.Text.StartsWith("Estates")).ExecuteDeleteAsync();
        Assert.Empty(await FoundAsync("custody"));
    }

    [Fact]
    public async Task A_reference_finds_its_action()
    {
        Assert.Equal([_estates], await FoundAsync(_estates));
        Assert.Equal([_estates], await FoundAsync(ActionReference.ToUrl(_estates)));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"burglary")]
    [InlineData("burglary\" OR \"estates")]
    [InlineData("NEAR(burglary estates)")]
    [InlineData("burglary*")]
    [InlineData("*")]
    [InlineData("-burglary")]
    [InlineData("document:burglary")]
    [InlineData("^burglary")]
    [InlineData("burglary & !north | estates")]
    [InlineData("burglary:* <-> north")]
    [InlineData("'); DROP TABLE \"ActionItems\"; --")]
    [InlineData("\u0301\u0301")]
    [InlineData("(((")]
    [InlineData("\\")]
    public async Task Quotes_and_search_operators_typed_in_give_results_or_an_empty_list_never_an_error(string text)
    {
        var found = await FoundAsync(text);

        // What is left of the input is its words, each of which must match.
        var words = ActionTextSearch.Words(text);
        if (words.Count == 0)
            Assert.Empty(found);
        else
            Assert.All(found, reference => Assert.Contains(reference, new[] { _underItem, _byUpdate, _estates }));
        Assert.Equal(3, (await Actions.SearchAsync(new RegisterQuery())).Total);
    }

    [Fact]
    public async Task Operator_words_are_searched_as_plain_words()
    {
        Assert.Equal(new[] { _underItem, _byUpdate }.Order(), await FoundAsync("\"burglary\""));
        Assert.Empty(await FoundAsync("burglary OR estates"));
        Assert.Equal(new[] { _underItem, _byUpdate }.Order(), await FoundAsync("burglary*"));
    }

    [Fact]
    public async Task A_very_long_search_gives_an_answer_not_an_error()
    {
        Assert.Empty(await FoundAsync(string.Join(' ', Enumerable.Repeat("burglary north", 2_000)) + " robbery"));
        Assert.Empty(await FoundAsync(new string('x', 10_000) + " burglary"));
    }

    [Fact]
    public async Task Open_means_not_closed_or_cancelled_and_the_exact_statuses_can_still_be_chosen()
    {
        await Actions.AddUpdateAsync(_underItem, null, "Ready to close.", ActionStatus.ProposedComplete, RegisterBuilder.Secretariat);
        await Actions.CloseAsync(_estates, (await Actions.GetAsync(_estates))!.Action.Version, null, "Done.", RegisterBuilder.Secretariat);
        var withdrawn = await _register.ActionAsync(_jan, "Withdrawn item", "to the February meeting");
        await using (var db = await _db.CreateContextAsync())
        {
            var action = await db.Actions.SingleAsync(a => a.Text == "Withdrawn item");
            action.Cancel(London.Today(_db.Clock), null, "No longer needed.", "Sam Carter", _db.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        var stillOpen = await _register.ActionAsync(_jan, "Fresh action", "to the February meeting");

        var open = await Actions.FindAsync(StatusFilter.Apply(StatusFilter.Parse("open"), new ActionFilter()), 0, 500);
        Assert.Equal(
            new[] { (_underItem, ActionStatus.ProposedComplete), (_byUpdate, ActionStatus.UpdateProvided), (stillOpen.Reference, ActionStatus.Open) }.OrderBy(a => a.Item1),
            open.Items.Select(a => (a.Reference, a.Status)).OrderBy(a => a.Item1));
        Assert.DoesNotContain(open.Items, a => a.Reference == withdrawn.Reference || a.Reference == _estates);

        var awaiting = await Actions.FindAsync(StatusFilter.Apply(StatusFilter.Parse("awaiting-update"), new ActionFilter()), 0, 500);
        Assert.Equal([stillOpen.Reference], awaiting.Items.Select(a => a.Reference));
        var registerOpen = await Actions.SearchAsync(new RegisterQuery(OpenOnly: true), 0, 500);
        Assert.Equal(open.Items.Select(a => a.Reference).Order(), registerOpen.Items.Select(a => a.Reference).Order());
    }

    [Theory]
    [InlineData("open", null)]
    [InlineData("OPEN", null)]
    [InlineData("awaiting-update", ActionStatus.Open)]
    [InlineData("updateprovided", ActionStatus.UpdateProvided)]
    [InlineData("ProposedComplete", ActionStatus.ProposedComplete)]
    [InlineData("Closed", ActionStatus.Closed)]
    [InlineData("cancelled", ActionStatus.Cancelled)]
    public void Each_status_word_reads_back_as_the_choice_it_writes(string word, ActionStatus? exactly)
    {
        var filter = StatusFilter.Parse(word)!;
        Assert.Equal(exactly, filter.Exactly);
        Assert.Equal(filter, StatusFilter.Parse(filter.Word));
    }

    [Fact]
    public void An_unknown_status_word_is_refused_with_the_words_that_work()
    {
        var error = Assert.Throws<DomainException>(() => StatusFilter.Parse("pending"));
        Assert.Contains("open, awaiting-update, UpdateProvided", error.Message, StringComparison.Ordinal);
        Assert.Null(StatusFilter.Parse("  "));
    }
}
