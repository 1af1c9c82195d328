using DocumentFormat.OpenXml.Wordprocessing;
using HoldingToAccount.Core.Export;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Export;

/// <summary>The January 2017 notes from the demo register, written as .docx and HTML and read back.</summary>
[Needs(Need.Database)]
public sealed class NotesDocumentTests : IAsyncLifetime
{
    private ExportRegister _register = null!;

    public async Task InitializeAsync() => _register = await ExportRegister.CreateAsync();

    public async Task DisposeAsync() => await _register.DisposeAsync();

    private async Task<WordFile> NotesDocxAsync(DateOnly date, NotesVariant variant = NotesVariant.Full)
    {
        using var buffer = new MemoryStream();
        NotesDocument.WriteDocx(await _register.NotesAsync(date, variant), buffer);
        return new WordFile(buffer.ToArray());
    }

    [Fact]
    public async Task January_2017_notes_open_with_the_title_date_chair_minutes_and_venue()
    {
        using var notes = await NotesDocxAsync(ExportRegister.Jan2017);

        var title = Assert.Single(notes.Headings("Heading1"));
        Assert.Equal("Monthly Assurance Meeting January 2017 – Meeting Notes", title.InnerText);
        Assert.Same(title, notes.Blocks[0]);
        var text = notes.Blocks.Select(WordFile.TextOf).ToList();
        Assert.Contains("Date: Tuesday 31 January 2017, 10:30", text);
        Assert.Contains("Chair: John Campion", text);
        Assert.Contains("Minutes: Jackie Irvin, Policy Officer, OPCC", text);
        Assert.Contains("Venue: PCC Conference Room – Hindlip", text);
    }

    [Fact]
    public async Task The_attendance_table_has_a_marked_header_row_of_name_and_capacity_and_apologies_follow()
    {
        using var notes = await NotesDocxAsync(ExportRegister.Jan2017);

        var table = notes.TableCaptioned("Attendance");
        var rows = table.Elements<TableRow>().ToList();
        Assert.True(WordFile.IsHeaderRow(rows[0]), "the first row is marked as the table's header row");
        Assert.All(rows.Skip(1), r => Assert.False(WordFile.IsHeaderRow(r)));
        var cells = WordFile.Cells(table);
        Assert.Equal(["Name", "Capacity"], cells[0]);
        Assert.Contains(cells, r => r.SequenceEqual(["Anthony Bangham", "Chief Constable (CC)"]));
        Assert.Equal(5, cells.Count); // header + the four present
        Assert.DoesNotContain(cells, r => r[0] == "Chris Singer");
        Assert.Contains(notes.Under("Attendance"), b => b.InnerText == "Apologies: Chris Singer, T/Deputy Chief Constable (T/DCC)");
    }

    [Fact]
    public async Task Items_sit_in_the_series_sections_with_heading_styles_defined_in_the_styles_part()
    {
        using var notes = await NotesDocxAsync(ExportRegister.Jan2017);

        var styles = notes.Document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        foreach (var (id, level) in new[] { ("Heading1", 0), ("Heading2", 1), ("Heading3", 2) })
        {
            var style = Assert.Single(styles, s => s.StyleId?.Value == id);
            Assert.Equal($"heading {level + 1}", style.StyleName?.Val?.Value);
            Assert.Equal(level, style.StyleParagraphProperties?.OutlineLevel?.Val?.Value);
        }
        var sections = notes.Headings("Heading2").Select(h => h.InnerText).ToList();
        Assert.Equal(
            ["Attendance", "1 Outstanding matters / items brought forward", "2 Operational and reputational opportunities and risks",
             "3 Chief officer meeting / executive board – update", "4a Performance against the police and crime plan",
             "4b Delivery of strategic initiatives", "4c HMIC inspection programme / matters arising from the service improvement board (SIB)",
             "5 AOB", "6 Date of next meeting"],
            sections);
        var items = notes.Headings("Heading3").Select(h => h.InnerText).ToList();
        Assert.Contains("4a.1 Building a more secure West Mercia – Domestic Burglary", items);
        Assert.True(items.IndexOf("4a.3 Reforming West Mercia – Call Handling") < items.IndexOf("4b.1 Corporate Communications"));
        Assert.Contains(notes.Under("4c HMIC"), b => b.InnerText == "No items on the agenda.");
    }

    [Fact]
    public async Task Actions_arising_have_the_owner_in_the_right_hand_column()
    {
        using var notes = await NotesDocxAsync(ExportRegister.Jan2017);

        var under = notes.Under("4a.1 Building a more secure West Mercia – Domestic Burglary");
        Assert.Contains(under, b => b.InnerText == "Questions:");
        Assert.Contains(under, b => b.InnerText == "Findings:");
        Assert.Contains(under, b => b.InnerText == "Actions arising:");
        var table = Assert.Single(under.OfType<Table>());
        Assert.Equal("Actions arising from item 4a.1", table.GetFirstChild<TableProperties>()!.GetFirstChild<TableCaption>()!.Val!.Value);
        Assert.True(WordFile.IsHeaderRow(table.Elements<TableRow>().First()));
        var cells = WordFile.Cells(table);
        Assert.Equal(["Action", "Owner"], cells[0]);
        Assert.Equal(3, cells.Count);
        Assert.All(cells.Skip(1), row => Assert.Equal("CC", row[^1]));
        Assert.Contains(cells, r => r[0].Contains("minimum standard of service", StringComparison.Ordinal));
        Assert.Contains(cells, r => r[0].Contains("domestic burglary in North Worcestershire", StringComparison.Ordinal)
            && r[0].Contains("to be brought back to the February meeting", StringComparison.Ordinal));
        // Findings bullets are a real list, not bullet characters typed into paragraphs.
        var bullets = under.OfType<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(6, bullets.Count);
        Assert.DoesNotContain(bullets, p => p.InnerText.StartsWith('•'));
    }

    [Fact]
    public async Task An_item_without_actions_says_there_were_no_actions_arising_once()
    {
        using var notes = await NotesDocxAsync(ExportRegister.Jan2017);

        foreach (var item in new[] { "4a.2 Building a more secure West Mercia – Vehicle Crime", "4a.3 Reforming", "4b.2 Attendance Figures" })
        {
            var under = notes.Under(item);
            Assert.Single(under, b => b.InnerText == NotesLayout.NoActionsArising);
            Assert.DoesNotContain(under, b => b is Table);
        }
    }

    [Fact]
    public async Task Brought_forward_items_come_with_their_updates_and_owner_and_the_next_meeting_closes_the_notes()
    {
        using var notes = await NotesDocxAsync(ExportRegister.Feb2017);

        var table = notes.TableCaptioned("Items brought forward");
        var cells = WordFile.Cells(table);
        Assert.Equal(["Item brought forward", "Owner"], cells[0]);
        Assert.Equal(2, cells.Count - 1);
        Assert.All(cells.Skip(1), r => Assert.Equal("CC", r[1]));
        Assert.All(cells.Skip(1), r => Assert.Contains("Raised at Monthly Assurance Meeting January 2017 (31 Jan 2017), item 4a.1.", r[0], StringComparison.Ordinal));
        Assert.Equal("Date of next meeting", notes.Blocks[^2].InnerText[2..]);
        Assert.Equal("10:30 on Tuesday 28 March 2017, PCC Conference Room – Hindlip", notes.Blocks[^1].InnerText);

        using var july = await NotesDocxAsync(new DateOnly(2017, 7, 25));
        var jpp = WordFile.Cells(july.TableCaptioned("Items brought forward")).Single(r => r[0].Contains("JPP", StringComparison.Ordinal));
        Assert.Contains("Update (31 Jan 2017): The JPP pilot in South Worcestershire has not progressed", jpp[0], StringComparison.Ordinal);
        Assert.Contains("The South Worcestershire pilot will be reviewed", jpp[0], StringComparison.Ordinal);
        Assert.Equal("CC", jpp[1]);
    }

    [Fact]
    public async Task The_document_has_its_title_and_language_set_and_is_valid_open_xml()
    {
        using var notes = await NotesDocxAsync(ExportRegister.Jan2017);

        Assert.Equal("Monthly Assurance Meeting January 2017 – Meeting Notes", notes.Document.PackageProperties.Title);
        Assert.Equal("en-GB", notes.Document.PackageProperties.Language);
        var defaults = notes.Document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!;
        Assert.Equal("en-GB", defaults.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);
        Assert.Equal("en-GB", notes.Document.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<ThemeFontLanguages>()!.Val!.Value);
        Assert.Empty(notes.ValidationErrors());
    }

    [Fact]
    public async Task The_public_variant_leaves_out_a_restricted_item_and_its_actions()
    {
        var january = await _register.MeetingOnAsync(ExportRegister.Jan2017);
        await _register.RestrictAsync(january.Id, "4a.1");

        using var full = await NotesDocxAsync(ExportRegister.Jan2017);
        using var published = await NotesDocxAsync(ExportRegister.Jan2017, NotesVariant.Public);

        Assert.Contains(full.Headings("Heading3"), h => h.InnerText.Contains("Domestic Burglary", StringComparison.Ordinal));
        Assert.Contains("minimum standard", full.Body.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain(published.Headings("Heading3"), h => h.InnerText.Contains("Domestic Burglary", StringComparison.Ordinal));
        Assert.DoesNotContain("Domestic Burglary", published.Body.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain("minimum standard", published.Body.InnerText, StringComparison.Ordinal);
        Assert.Contains(published.Headings("Heading3"), h => h.InnerText.StartsWith("4a.2 ", StringComparison.Ordinal));
        Assert.Contains(published.Blocks, b => b.InnerText.StartsWith("Public version", StringComparison.Ordinal));
        Assert.EndsWith("(public)", published.Document.PackageProperties.Title, StringComparison.Ordinal);

        // Brought forward to February, the restricted item's actions stay out of the public notes there too.
        using var february = await NotesDocxAsync(ExportRegister.Feb2017, NotesVariant.Public);
        Assert.DoesNotContain("minimum standard", february.Body.InnerText, StringComparison.Ordinal);
        Assert.Contains(february.Blocks, b => b.InnerText == "There were no items brought forward.");
    }

    [Fact]
    public async Task Html_notes_are_an_accessible_page_in_the_same_order()
    {
        var html = NotesDocument.Html(await _register.NotesAsync(ExportRegister.Jan2017));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Monthly Assurance Meeting January 2017 – Meeting Notes</title>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1>"));
        Assert.Contains("<caption>Attendance</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Name</th><th scope=\"col\">Capacity</th>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>4a.1 Building a more secure West Mercia – Domestic Burglary</h3>", html, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(ExportArtifacts.Directory, "notes-2017-01-31.html"), html);
        Assert.Contains("<td><p>CC</p>\n</td></tr>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<h2>4a ", StringComparison.Ordinal) < html.IndexOf("<h2>4b ", StringComparison.Ordinal));
        Assert.Contains("<p>" + NotesLayout.NoActionsArising + "</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_in_the_register_never_becomes_markup()
    {
        var january = await _register.MeetingOnAsync(ExportRegister.Jan2017);
        const string title = "<script>alert('x')</script> & \"quotes\"";
        const string findings = "<img src=x onerror=alert(1)>\n• </td></tr></table><h1>fake</h1>\n\u0001control\u0007 characters";
        await _register.SetItemTextAsync(january.Id, "2.1", title, findings);
        var notes = await _register.NotesAsync(ExportRegister.Jan2017);

        var html = NotesDocument.Html(notes);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<h1>fake", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1>"));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", html, StringComparison.Ordinal);

        using var buffer = new MemoryStream();
        NotesDocument.WriteDocx(notes, buffer);
        using var word = new WordFile(buffer.ToArray());
        Assert.Contains(word.Headings("Heading3"), h => h.InnerText == "2.1 " + title);
        Assert.Contains("control characters", word.Body.InnerText, StringComparison.Ordinal);
        Assert.Empty(word.ValidationErrors());
    }

    [Fact]
    public async Task The_actions_pack_lists_what_is_outstanding_at_the_meeting_in_landscape()
    {
        var notes = await _register.NotesAsync(ExportRegister.Feb2017);
        using var buffer = new MemoryStream();
        NotesDocument.WriteActionsPack(notes, buffer);
        using var pack = new WordFile(buffer.ToArray());

        Assert.Equal("Actions pack – Monthly Assurance Meeting February 2017", Assert.Single(pack.Headings("Heading1")).InnerText);
        var table = pack.TableCaptioned("Outstanding actions");
        Assert.True(WordFile.IsHeaderRow(table.Elements<TableRow>().First()));
        var cells = WordFile.Cells(table);
        Assert.Equal(["Ref", "Action", "Raised at", "Due", "Owner", "Status", "Times carried", "Latest update"], cells[0]);
        Assert.Equal(notes.BroughtForward.Select(b => b.Action.Reference), cells.Skip(1).Select(r => r[0]));
        Assert.Equal(2, cells.Count - 1);
        Assert.All(cells.Skip(1), r => Assert.Equal("CC", r[4]));
        Assert.Equal(PageOrientationValues.Landscape, pack.Body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!.Orient!.Value);
        Assert.Empty(pack.ValidationErrors());
    }
    [Fact]
    public async Task The_notes_and_the_actions_pack_of_a_meeting_show_the_same_latest_update_for_an_action_updated_after_it()
    {
        var action = (await _register.NotesAsync(ExportRegister.Feb2017)).BroughtForward[0].Action;
        var before = new DateOnly(2017, 2, 1);
        await _register.Actions.AddUpdateAsync(action.Reference, null, "Terms of reference agreed with the force.", null, RegisterBuilder.Secretariat);
        _register.Database.SetToday(new DateOnly(2017, 3, 10));
        await _register.Actions.AddUpdateAsync(action.Reference, null, "Written after the meeting.", null, RegisterBuilder.Secretariat);

        using var notes = await NotesDocxAsync(ExportRegister.Feb2017);
        var inNotes = WordFile.Cells(notes.TableCaptioned("Items brought forward")).Single(r => r[0].Contains(action.Text, StringComparison.Ordinal))[0];
        using var buffer = new MemoryStream();
        NotesDocument.WriteActionsPack(await _register.NotesAsync(ExportRegister.Feb2017), buffer);
        using var pack = new WordFile(buffer.ToArray());
        var inPack = WordFile.Cells(pack.TableCaptioned("Outstanding actions")).Single(r => r[0] == action.Reference)[7];

        var date = HoldingToAccount.Core.London.ShortDate(before);
        Assert.Contains($"Update ({date}): Terms of reference agreed with the force.", inNotes, StringComparison.Ordinal);
        Assert.Equal($"{date}: Terms of reference agreed with the force.", inPack);
        Assert.DoesNotContain("Written after the meeting", inNotes, StringComparison.Ordinal);
    }
}
