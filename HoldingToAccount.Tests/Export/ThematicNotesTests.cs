using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace HoldingToAccount.Tests.Export;

/// <summary>Notes of a thematic session, whose series lists the actions brought forward in section 2 and the next session in section 5.</summary>
[Needs(Need.Database)]
public sealed class ThematicNotesTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private int _march;
    private string _reference = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var register = await RegisterBuilder.CreateAsync(_db);
        var series = await register.ThematicSeriesAsync();
        var february = await register.MeetingAsync(new DateOnly(2017, 2, 14), MeetingStatus.Held, series);
        _march = await register.MeetingAsync(new DateOnly(2017, 3, 14), MeetingStatus.Planned, series);
        await register.MeetingAsync(new DateOnly(2017, 4, 11), MeetingStatus.Planned, series);
        await _db.Get<MeetingService>().AddAgendaItemAsync(_march, new AgendaItemInput("1", "Why rural crime"), RegisterBuilder.Secretariat);
        _reference = (await register.ActionAsync(february, "Farm machinery thefts reviewed with the NFU", dueMeetingId: _march)).Reference;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<MeetingNotes> NotesAsync() =>
        (await ActivatorUtilities.GetServiceOrCreateInstance<NotesExport>(_db.Services).LoadAsync(_march, NotesVariant.Full))!;

    [Fact]
    public async Task The_docx_lists_the_actions_brought_forward_under_section_2_and_closes_with_section_5()
    {
        using var buffer = new MemoryStream();
        NotesDocument.WriteDocx(await NotesAsync(), buffer);
        using var notes = new WordFile(buffer.ToArray());

        Assert.Equal(["Attendance", "1 Introduction and purpose", "2 Actions from earlier sessions", "3 Questions and challenge", "5 When we meet again"],
            notes.Headings("Heading2").Select(h => h.InnerText));
        var broughtForward = Assert.Single(notes.Under("2 Actions from earlier sessions").OfType<Table>());
        Assert.Contains(WordFile.Cells(broughtForward), r => r[0].Contains(_reference, StringComparison.Ordinal) && r[0].Contains("Farm machinery", StringComparison.Ordinal));
        Assert.DoesNotContain("Farm machinery", string.Concat(notes.Under("1.1 Why rural crime").Select(b => b.InnerText)), StringComparison.Ordinal);
        Assert.Equal("5 When we meet again", notes.Blocks[^2].InnerText);
        Assert.Equal("10:30 on Tuesday 11 April 2017", notes.Blocks[^1].InnerText);
    }

    [Fact]
    public async Task The_html_lists_the_actions_brought_forward_under_section_2_and_closes_with_section_5()
    {
        var html = NotesDocument.Html(await NotesAsync());

        var section2 = html.IndexOf("<h2>2 Actions from earlier sessions</h2>", StringComparison.Ordinal);
        var table = html.IndexOf("<caption>Items brought forward</caption>", StringComparison.Ordinal);
        var section3 = html.IndexOf("<h2>3 Questions and challenge</h2>", StringComparison.Ordinal);
        Assert.True(section2 >= 0 && section2 < table && table < section3, "the table of actions brought forward sits in section 2");
        Assert.True(html.IndexOf("Farm machinery", StringComparison.Ordinal) > section2);
        Assert.True(html.IndexOf("<h2>5 When we meet again</h2>", StringComparison.Ordinal) > section3);
        Assert.DoesNotContain("Date of next meeting", html, StringComparison.Ordinal);
    }
}
