using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Core.Export;

/// <summary>
/// The action log — the register under the current filters — as .xlsx and .csv. Both page through
/// <see cref="ActionService.BatchesAsync"/> a batch at a time and write each row as it comes, so a register of 50,000
/// actions never sits in memory. The .xlsx is an OpenXML SDK package whose worksheet is written with
/// <see cref="OpenXmlWriter"/> straight into the outgoing zip: the SDK's own package support keeps a part it writes in
/// memory until it is closed, so the small parts are made with the SDK first and copied across, and only the sheet is
/// streamed.
/// </summary>
public sealed class ActionLogExport(ActionService actions, TimeProvider clock)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const int BatchSize = 500;
    public const string SheetName = "Actions";
    private const int _maxCellText = 32_767;
    private const uint _dateStyle = 1;
    private const uint _headerStyle = 2;
    private const uint _wrapStyle = 3;

    /// <summary>The columns of the log, in order: the one definition both formats write.</summary>
    public static readonly IReadOnlyList<LogColumn> Columns =
    [
        new("Ref", 9, a => a.Reference),
        new("Date raised", 12, a => a.RaisedAt.Date),
        new("Meeting", 30, a => a.RaisedAt.Title),
        new("Item", 30, a => a.ItemNumber is null ? null : $"{a.ItemNumber} {a.ItemTitle}".Trim()),
        new("Action", 60, a => a.Text, Wrap: true),
        new("Owners", 10, ExportText.Owners),
        new("Due", 12, a => ExportText.DueOn(a)),
        new("Due as agreed", 30, a => ExportText.AsAgreed(a) ?? ExportText.Due(a)),
        new("Status", 16, a => ExportText.Status(a.Status)),
        new("Times carried", 9, a => a.TimesCarried),
        new("Latest update", 60, a => a.LatestUpdate?.Text, Wrap: true),
        new("Latest update on", 12, a => a.LatestUpdate?.Date),
        new("Date closed", 12, a => a.ClosedOn),
        // Said apart from "Due" so that a log read back binds the action to the meeting, not to a date that happens to be
        // its day; last, so that the columns people and their formulas already use keep their places.
        new("Due meeting", 30, a => a.DueMeeting is null ? null : ExportText.Due(a)),
    ];

    public async Task WriteXlsxAsync(ActionFilter filter, Stream output, CancellationToken ct = default)
    {
        var (template, sheetEntry) = Template(await actions.CountAsync(filter, ct), clock.GetUtcNow());
        using var source = new ZipArchive(new MemoryStream(template), ZipArchiveMode.Read);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            // The sheet is most of the file: compressed fast, it is a little larger and written several times sooner.
            var copy = zip.CreateEntry(entry.FullName, entry.FullName == sheetEntry ? CompressionLevel.Fastest : CompressionLevel.Optimal);
            using var to = copy.Open();
            if (entry.FullName == sheetEntry)
            {
                await WriteSheetAsync(to, filter, ct);
            }
            else
            {
                using var from = entry.Open();
                await from.CopyToAsync(to, ct);
            }
        }
    }

    public async Task WriteCsvAsync(ActionFilter filter, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(",", Columns.Select(c => Csv(c.Header))));
        var lines = new StringBuilder(256 * BatchSize);
        await foreach (var page in ReadAhead(actions.BatchesAsync(filter, BatchSize, ct), ct))
        {
            lines.Clear();
            foreach (var action in page)
            {
                for (var i = 0; i < Columns.Count; i++)
                {
                    if (i > 0)
                        lines.Append(',');
                    lines.Append(Columns[i].Value(action) switch
                    {
                        null => "",
                        DateOnly date => ExportText.IsoDate(date),
                        int number => number.ToString(CultureInfo.InvariantCulture),
                        var text => Csv(text.ToString() ?? ""),
                    });
                }
                lines.Append(writer.NewLine);
            }
            await writer.WriteAsync(lines, ct);
        }
    }

    /// <summary>
    /// One field as RFC 4180 has it: quoted when it holds a comma, quote, CR or LF, quotes doubled. A field that a
    /// spreadsheet would run as a formula (starting = + - @, or a tab or CR) gets a leading apostrophe first.
    /// </summary>
    public static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public static string FileName(string extension, DateOnly today) => $"action-log-{ExportText.IsoDate(today)}.{extension}";

    private async Task WriteSheetAsync(Stream to, ActionFilter filter, CancellationToken ct)
    {
        using var writer = OpenXmlWriter.Create(to);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new StringValue("A2")]) })
        { TabSelected = true, WorkbookViewId = 0 }));
        writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
        writer.WriteElement(new Columns(Columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = c.Width,
            CustomWidth = true,
        })));

        writer.WriteStartElement(new SheetData());
        var rows = new SheetRows(writer);
        rows.Write(1, Columns.Select(c => ((object?)c.Header, _headerStyle)));

        uint rowIndex = 1;
        await foreach (var page in ReadAhead(actions.BatchesAsync(filter, BatchSize, ct), ct))
        {
            foreach (var action in page)
                rows.Write(++rowIndex, Columns.Select(c => (c.Value(action), c.Wrap ? _wrapStyle : 0u)));
        }
        writer.WriteEndElement(); // sheetData

        writer.WriteElement(new AutoFilter { Reference = $"A1:{LastColumn}{rowIndex}" });
        // Printed, it reads like the register: A4 landscape, every column on one page wide, the header row on each page,
        // and a footer saying what it is, when it was made and which page.
        writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.7, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup { PaperSize = A4, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteElement(new HeaderFooter(new OddFooter(
            $"&L&8{Title}, exported {London.ShortDate(London.Today(clock))}&R&8Page &P of &N")));
        writer.WriteEndElement(); // worksheet
    }

    /// <summary>
    /// The batches of <paramref name="source"/>, the next read from the database while the caller writes this one, so
    /// that an export takes about as long as the slower of the two rather than both together. Two batches are held at
    /// most. The read runs on the thread pool: SQLite's "async" reads run on the caller's thread.
    /// </summary>
    private static async IAsyncEnumerable<T> ReadAhead<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken ct)
    {
        var batches = source.GetAsyncEnumerator(ct);
        var next = Task.Run(() => batches.MoveNextAsync().AsTask(), ct);
        try
        {
            while (await next)
            {
                var current = batches.Current;
                next = Task.Run(() => batches.MoveNextAsync().AsTask(), ct);
                yield return current;
            }
        }
        finally
        {
            // Stopped early (the client went away, a write failed): let the read under way finish before letting go of it.
            await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await batches.DisposeAsync();
        }
    }

    /// <summary>
    /// Writes rows of cells tag by tag, the same elements the SDK would make of a <see cref="Row"/> of <see cref="Cell"/>s,
    /// without building them: tens of thousands of rows of fourteen cells, as objects, were most of the writer's time.
    /// </summary>
    private sealed class SheetRows(OpenXmlWriter writer)
    {
        private readonly Row row = new();
        private readonly Cell cell = new();
        private readonly CellValue value = new();
        private readonly InlineString inline = new();
        private readonly Text text = new();
        private static readonly OpenXmlAttribute InlineText = new("t", "", "inlineStr");
        private static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
        private static readonly OpenXmlAttribute[] DateCell = [Style(_dateStyle)];
        private static readonly OpenXmlAttribute[] NoAttributes = [];
        private static readonly OpenXmlAttribute[] PlainText = [InlineText];
        private static readonly OpenXmlAttribute[] WrappedText = [Style(_wrapStyle), InlineText];
        private static readonly OpenXmlAttribute[] HeaderText = [Style(_headerStyle), InlineText];

        /// <summary>One row: in each cell a date, a whole number or text (styled as given with it), or nothing.</summary>
        public void Write(uint index, IEnumerable<(object? Value, uint TextStyle)> cells)
        {
            writer.WriteStartElement(row, [new OpenXmlAttribute("r", "", index.ToString(CultureInfo.InvariantCulture))]);
            foreach (var (item, textStyle) in cells)
            {
                switch (item)
                {
                    case null:
                        writer.WriteStartElement(cell, NoAttributes);
                        writer.WriteEndElement();
                        break;
                    case DateOnly date:
                        Number(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), DateCell);
                        break;
                    case int number:
                        Number(number.ToString(CultureInfo.InvariantCulture), NoAttributes);
                        break;
                    default:
                        Text(item.ToString() ?? "", textStyle);
                        break;
                }
            }
            writer.WriteEndElement();
        }

        private static OpenXmlAttribute Style(uint style) => new("s", "", style.ToString(CultureInfo.InvariantCulture));

        private void Number(string digits, OpenXmlAttribute[] attributes)
        {
            writer.WriteStartElement(cell, attributes);
            writer.WriteStartElement(value, NoAttributes);
            writer.WriteString(digits);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void Text(string content, uint style)
        {
            var safe = ExportText.XmlSafe(content);
            if (safe.Length > _maxCellText)
                safe = safe[.._maxCellText];
            writer.WriteStartElement(cell, style switch
            {
                _wrapStyle => WrappedText,
                _headerStyle => HeaderText,
                _ => PlainText,
            });
            writer.WriteStartElement(inline, NoAttributes);
            writer.WriteStartElement(text, Preserve);
            writer.WriteString(safe);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    private const uint A4 = 9;
    private const string Title = "Action log";

    private static string LastColumn => ((char)('A' + Columns.Count - 1)).ToString();

    /// <summary>Everything but the rows, made with the SDK: workbook, styles, properties and an empty sheet to fill.</summary>
    private static (byte[] Package, string SheetEntry) Template(int total, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        string sheetEntry;
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            WriteCoreProperties(document, now);
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData());
            sheetEntry = sheet.Uri.OriginalString.TrimStart('/');
            workbook.Workbook = new Workbook(
                new BookViews(new WorkbookView()),
                new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName }),
                new DefinedNames(
                    new DefinedName($"'{SheetName}'!$A$1:${LastColumn}${total + 1}")
                    {
                        Name = "_xlnm._FilterDatabase",
                        LocalSheetId = 0,
                        Hidden = true,
                    },
                    new DefinedName($"'{SheetName}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }
        return (buffer.ToArray(), sheetEntry);
    }

    /// <summary>
    /// Title, subject, author, language and dates in <c>docProps/core.xml</c>, where every reader looks for them (some,
    /// openpyxl among them, look nowhere else; the packaging library's own properties part has another name).
    /// </summary>
    private static void WriteCoreProperties(SpreadsheetDocument document, DateTimeOffset now)
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace dcterms = "http://purl.org/dc/terms/";
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var when = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var properties = new XElement(cp + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", cp), new XAttribute(XNamespace.Xmlns + "dc", dc),
            new XAttribute(XNamespace.Xmlns + "dcterms", dcterms), new XAttribute(XNamespace.Xmlns + "xsi", xsi),
            new XElement(dc + "title", Title),
            new XElement(dc + "subject", "Holding to account action register"),
            new XElement(dc + "creator", "HoldingToAccount"),
            new XElement(dc + "language", WordDocumentWriter.Language),
            new XElement(dcterms + "created", new XAttribute(xsi + "type", "dcterms:W3CDTF"), when),
            new XElement(dcterms + "modified", new XAttribute(xsi + "type", "dcterms:W3CDTF"), when));
        using var stream = document.AddCoreFilePropertiesPart().GetStream(FileMode.Create);
        new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), properties).Save(stream);
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 4 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}

/// <summary>One column of the action log: its header, width in characters, and the value of a row (text, date, number or nothing).</summary>
public sealed record LogColumn(string Header, double Width, Func<ActionRow, object?> Value, bool Wrap = false);
