using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Export;

[Needs(Need.Database)]
public sealed class ActionLogExportTests : IAsyncLifetime
{
    private ExportRegister _register = null!;

    public async Task InitializeAsync() => _register = await ExportRegister.CreateAsync();

    public async Task DisposeAsync() => await _register.DisposeAsync();

    private async Task<byte[]> XlsxAsync(ActionFilter filter)
    {
        using var buffer = new MemoryStream();
        await _register.ActionLog.WriteXlsxAsync(filter, buffer);
        return buffer.ToArray();
    }

    [Fact]
    public async Task The_spreadsheet_has_a_frozen_header_row_filters_on_and_one_row_per_action()
    {
        var total = (await _register.Actions.FindAsync(new ActionFilter(), 0, 1)).Total;
        using var stream = new MemoryStream(await XlsxAsync(new ActionFilter()));
        using var workbook = SpreadsheetDocument.Open(stream, false);

        var sheet = Assert.Single(workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Actions", sheet.Name?.Value);
        var worksheet = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet;
        var pane = worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);

        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(total + 1, rows.Count);
        Assert.Equal($"A1:N{total + 1}", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal(
            ["Ref", "Date raised", "Meeting", "Item", "Action", "Owners", "Due", "Due as agreed", "Status", "Times carried", "Latest update", "Latest update on", "Date closed", "Due meeting"],
            rows[0].Elements<Cell>().Select(c => c.InnerText));
        Assert.Equal("Action log", workbook.PackageProperties.Title);
        Assert.Equal("en-GB", workbook.PackageProperties.Language);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    /// <summary>openpyxl, a reader nobody here wrote, sees the print settings a person gets when printing the log.</summary>
    [OpenpyxlFact]
    public async Task Printed_the_log_is_landscape_a4_one_page_wide_with_the_header_row_on_every_page_and_a_footer()
    {
        var file = Path.Combine(Path.GetTempPath(), $"hta-log-{Guid.NewGuid():N}.xlsx");
        try
        {
            await File.WriteAllBytesAsync(file, await XlsxAsync(new ActionFilter()));
            const string Script = """
                import json, sys, openpyxl
                book = openpyxl.load_workbook(sys.argv[1])
                sheet = book["Actions"]
                print(json.dumps({
                    "orientation": sheet.page_setup.orientation,
                    "paper": str(sheet.page_setup.paperSize),
                    "fitToWidth": sheet.page_setup.fitToWidth,
                    "fitToHeight": sheet.page_setup.fitToHeight,
                    "fitToPage": sheet.sheet_properties.pageSetUpPr.fitToPage,
                    "titles": sheet.print_title_rows,
                    "footer": sheet.oddFooter.left.text,
                    "pageNumbers": sheet.oddFooter.right.text,
                    "title": book.properties.title,
                    "created": book.properties.created.isoformat(),
                }))
                """;
            var printed = System.Text.Json.JsonDocument.Parse(await Tool.OutputAsync(OpenpyxlFactAttribute.Python, Path.GetTempPath(), "-c", Script, file)).RootElement;

            Assert.Equal("landscape", printed.GetProperty("orientation").GetString());
            Assert.Equal("9", printed.GetProperty("paper").GetString());
            Assert.Equal(1, printed.GetProperty("fitToWidth").GetInt32());
            Assert.Equal(0, printed.GetProperty("fitToHeight").GetInt32());
            Assert.True(printed.GetProperty("fitToPage").GetBoolean());
            Assert.Equal("1:1", printed.GetProperty("titles").GetString()!.Replace("$", "", StringComparison.Ordinal));
            Assert.Equal($"Action log, exported {London.ShortDate(London.Today(_register.Database.Clock))}", printed.GetProperty("footer").GetString());
            Assert.Equal("Page &P of &N", printed.GetProperty("pageNumbers").GetString());
            Assert.Equal("Action log", printed.GetProperty("title").GetString());
            Assert.StartsWith(_register.Database.Clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), printed.GetProperty("created").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Dates_are_numbers_with_a_date_format_and_read_back_as_the_day()
    {
        using var stream = new MemoryStream(await XlsxAsync(new ActionFilter(Text: "JPP")));
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var worksheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var stylesheet = workbook.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var jpp = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ElementAt(1).Elements<Cell>().ToList();

        Assert.Contains("JPP", jpp[4].InnerText, StringComparison.Ordinal);
        Assert.Equal("CC", jpp[5].InnerText);
        Assert.Null(jpp[9].DataType); // times carried is a number
        Assert.True(int.Parse(jpp[9].CellValue!.Text, CultureInfo.InvariantCulture) >= 0);
        foreach (var (index, day) in new[] { (1, new DateOnly(2016, 12, 20)), (6, new DateOnly(2017, 7, 25)), (11, new DateOnly(2017, 1, 31)) })
        {
            var cell = jpp[index];
            Assert.Null(cell.DataType); // a number, not text
            Assert.Equal(day, DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture))));
            var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
            Assert.True(format.ApplyNumberFormat?.Value);
            var code = stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value!;
            Assert.Contains("yyyy", code, StringComparison.Ordinal);
            Assert.Contains("dd", code, StringComparison.Ordinal);
        }
        Assert.Null(jpp[12].CellValue); // not closed: the cell is empty
    }

    [Fact]
    public async Task The_spreadsheet_applies_the_registers_filters()
    {
        var filter = new ActionFilter("cc", ActionStatus.Open);
        var total = (await _register.Actions.FindAsync(filter, 0, 1)).Total;
        using var stream = new MemoryStream(await XlsxAsync(filter));
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Skip(1).ToList();

        Assert.True(total > 0);
        Assert.Equal(total, rows.Count);
        Assert.All(rows, r => Assert.Equal("Open", r.Elements<Cell>().ElementAt(8).InnerText));
    }

    [Fact]
    public void Csv_fields_are_quoted_as_rfc_4180_has_it_and_formulas_are_defused()
    {
        Assert.Equal("plain", ActionLogExport.Csv("plain"));
        Assert.Equal("\"a, b\"", ActionLogExport.Csv("a, b"));
        Assert.Equal("\"say \"\"hi\"\"\"", ActionLogExport.Csv("say \"hi\""));
        Assert.Equal("\"two\r\nlines\"", ActionLogExport.Csv("two\r\nlines"));
        Assert.Equal("'=1+2", ActionLogExport.Csv("=1+2"));
        Assert.Equal("'+44 1905", ActionLogExport.Csv("+44 1905"));
        Assert.Equal("'-2+3", ActionLogExport.Csv("-2+3"));
        Assert.Equal("'@SUM(A1)", ActionLogExport.Csv("@SUM(A1)"));
        Assert.Equal("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"x\"\")\"", ActionLogExport.Csv("=HYPERLINK(\"http://example.org\",\"x\")"));
        Assert.Equal("a=b", ActionLogExport.Csv("a=b"));
    }

    [Fact]
    public async Task The_csv_holds_every_action_and_a_hostile_one_reads_back_as_defused_text()
    {
        var january = await _register.MeetingOnAsync(ExportRegister.Jan2017);
        const string hostile = "=HYPERLINK(\"http://example.org\",\"click\"), then\na second line";
        await _register.Actions.RaiseAsync(new NewAction(january.Id, hostile, ["CC"], "next meeting"), RegisterBuilder.Secretariat);
        var total = (await _register.Actions.FindAsync(new ActionFilter(), 0, 1)).Total;

        using var buffer = new MemoryStream();
        await _register.ActionLog.WriteCsvAsync(new ActionFilter(), buffer);
        var bytes = buffer.ToArray();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var records = ParseCsv(text);
        Assert.Equal(total + 1, records.Count);
        Assert.All(records, r => Assert.Equal(14, r.Count));
        Assert.Equal("Ref", records[0][0]);
        Assert.Contains(records, r => r[4] == "'" + hostile);
        Assert.Contains(records, r => r[1] == "2017-01-31" && r[5] == "CC");
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_register_larger_than_one_batch_is_paged_through_without_losing_or_repeating_rows()
    {
        await RaiseMoreThanABatchAsync();
        var total = (await _register.Actions.FindAsync(new ActionFilter(), 0, 1)).Total;

        using var stream = new MemoryStream(await XlsxAsync(new ActionFilter()));
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var refs = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Skip(1)
            .Select(r => r.Elements<Cell>().First().InnerText).ToList();

        Assert.True(total > ActionLogExport.BatchSize);
        Assert.Equal(total, refs.Count);
        Assert.Equal(total, refs.Distinct().Count());
    }

    [Fact]
    public async Task A_download_cut_off_part_way_stops_the_export_with_its_error_and_the_next_one_is_whole()
    {
        await RaiseMoreThanABatchAsync();
        var total = (await _register.Actions.FindAsync(new ActionFilter(), 0, 1)).Total;

        await using var cutOff = new CutOffStream(after: 4096);
        await Assert.ThrowsAsync<IOException>(() => _register.ActionLog.WriteCsvAsync(new ActionFilter(), cutOff));

        using var buffer = new MemoryStream();
        await _register.ActionLog.WriteCsvAsync(new ActionFilter(), buffer);
        Assert.Equal(total + 1, ParseCsv(Encoding.UTF8.GetString(buffer.ToArray()[3..])).Count);
    }

    private async Task RaiseMoreThanABatchAsync()
    {
        var january = await _register.MeetingOnAsync(ExportRegister.Jan2017);
        for (var i = 0; i < ActionLogExport.BatchSize + 20; i++)
            await _register.Actions.RaiseAsync(new NewAction(january.Id, $"Bulk action {i}", ["ACC"], "next meeting"), RegisterBuilder.Secretariat);
    }

    /// <summary>A connection that drops after so many bytes, as a browser closed mid-download does.</summary>
    private sealed class CutOffStream(int after) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > after)
                throw new IOException("The connection was closed.");
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > after)
                throw new IOException("The connection was closed.");
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A small RFC 4180 reader, so the test checks the file as a spreadsheet program would read it.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        Assert.False(quoted, "unterminated quoted field");
        return records;
    }
}
