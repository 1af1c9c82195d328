using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using static HoldingToAccount.Tests.Import.NotesTestFiles;

namespace HoldingToAccount.Tests.Import;

/// <summary>What the sections of imported notes are for, and where their items go in the series' agenda.</summary>
[Needs(Need.Database)]
public sealed class ImportSectionPurposeTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 11, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void The_January_2017_notes_say_which_section_holds_the_actions_brought_forward_and_which_the_next_meeting()
    {
        var draft = ParseSeed("000_99665aecc8bf7cf6.txt");

        Assert.Equal(SectionPurpose.BroughtForward, draft.Items.Single(i => i.Number == "1").Purpose);
        Assert.Equal(SectionPurpose.NextMeeting, draft.Items.Single(i => i.Number == "6").Purpose);
        Assert.All(draft.Items.Where(i => i.Number.StartsWith('4')), i => Assert.Equal(SectionPurpose.Business, i.Purpose));
        Assert.True(draft.Actions.Single(a => a.Text.Contains("JPP", StringComparison.Ordinal)).BroughtForward);
    }

    [Fact]
    public async Task Imported_into_a_thematic_series_the_notes_sections_go_to_the_series_sections_of_the_same_purpose()
    {
        var thematic = await _register.ThematicSeriesAsync();
        var import = new ImportService(_db.Get<IDbContextFactory<AppDbContext>>(), _db.Clock);

        var result = await import.CommitAsync(ParseSeed("000_99665aecc8bf7cf6.txt"), new ImportCorrections { SeriesId = thematic }, RegisterBuilder.Secretariat);

        await using var db = await _db.CreateContextAsync();
        var items = await db.AgendaItems.Where(i => i.MeetingId == result.MeetingId).ToListAsync();
        Assert.Equal("2", items.Single(i => i.Number == "1").Section);
        Assert.Equal("5", items.Single(i => i.Number == "6").Section);
        Assert.Equal("4a", items.Single(i => i.Number == "4a.1").Section);
        var detail = (await _db.Get<MeetingService>().GetAsync(result.MeetingId))!;
        Assert.Contains(detail.NextMeetingSection()!.Items, i => i.Number == "6");
    }
}
