using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>
/// Reads the visible sheets of an .xlsx with the same OpenXML SDK the export writes with, one row at a time
/// (<see cref="OpenXmlReader"/>), stopping as soon as a sheet passes <see cref="ActionLogReader.MaxRows"/>. Hidden
/// sheets are named, not read. A zip that would unpack to more than <see cref="MaxUnpackedBytes"/> is refused before
/// anything is unpacked, so a small file cannot make the server unpack gigabytes.
/// </summary>
internal static class XlsxSheetReader
{
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;
    private const int _maxColumns = 200;

    public static IEnumerable<LogSheet> VisibleSheets(string fileName, byte[] content, List<string> hidden)
    {
        CheckZip(fileName, content);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            throw NotASpreadsheet(fileName);
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw NotASpreadsheet(fileName);
            var shared = SharedStrings(workbook);
            var styles = CellStyles.Read(workbook.WorkbookStylesPart?.Stylesheet);
            var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            foreach (var sheet in sheets)
            {
                var name = sheet.Name?.Value ?? "";
                if (sheet.State?.Value is { } state && (state == SheetStateValues.Hidden || state == SheetStateValues.VeryHidden))
                {
                    hidden.Add(name);
                    continue;
                }
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                    continue;
                yield return ReadSheet(name, part, shared, styles);
            }
        }
    }

    private static void CheckZip(string fileName, byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long unpacked = 0;
            foreach (var entry in zip.Entries)
                unpacked += entry.Length;
            if (unpacked > MaxUnpackedBytes)
                throw new DomainException($"'{fileName}' unpacks to {unpacked / (1024.0 * 1024.0):N0} MB, more than an action log of up to {ActionLogReader.MaxRows:N0} rows can hold; it was not read.");
        }
        catch (InvalidDataException)
        {
            throw NotASpreadsheet(fileName);
        }
    }

    internal static DomainException NotASpreadsheet(string fileName) =>
        new($"'{fileName}' is not a readable Excel workbook: it may be damaged, password-protected or another kind of file renamed. Open it in Excel and save it again as .xlsx (or as .csv).");

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
            return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                strings.Add(string.Concat(((SharedStringItem)reader.LoadCurrentElement()!).Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text)));
        }
        return strings;
    }

    private static LogSheet ReadSheet(string name, WorksheetPart part, List<string> shared, CellStyles styles)
    {
        var rows = new List<LogRow>();
        var merged = new List<MergedRange>();
        using var reader = OpenXmlReader.Create(part);
        var nextRow = 1;
        while (reader.Read())
        {
            if (!reader.IsStartElement)
                continue;
            if (reader.ElementType == typeof(Row))
            {
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } index ? (int)index : nextRow;
                nextRow = number + 1;
                var cells = Cells(row, shared, styles);
                if (cells.Count == 0 || cells.All(c => c.IsBlank))
                    continue;
                rows.Add(new LogRow(number, cells));
                if (rows.Count > ActionLogReader.MaxRows + ActionLogReader.HeaderSearchRows)
                    throw ActionLogReader.TooManyRows(name);
            }
            else if (reader.ElementType == typeof(MergeCell))
            {
                var reference = ((MergeCell)reader.LoadCurrentElement()!).Reference?.Value ?? "";
                var corners = reference.Split(':');
                merged.Add(new MergedRange(reference, ColumnLetters.RowOf(corners[0]), ColumnLetters.RowOf(corners[^1])));
            }
        }
        return new LogSheet(name, rows, merged);
    }

    private static List<LogCell> Cells(Row row, List<string> shared, CellStyles styles)
    {
        var cells = new List<LogCell>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnLetters.FromReference(cell.CellReference?.Value);
            if (column < 0)
                column = next;
            next = column + 1;
            if (column >= _maxColumns)
                break;
            while (cells.Count < column)
                cells.Add(LogCell.Empty);
            cells.Add(Read(cell, shared, styles));
        }
        return cells;
    }

    private static LogCell Read(Cell cell, List<string> shared, CellStyles styles)
    {
        var (dateFormat, fill) = styles.Of(cell.StyleIndex?.Value ?? 0);
        var formula = cell.CellFormula is { } f ? "=" + f.Text : null;
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        string text;
        double? number = null;
        if (type == CellValues.SharedString)
            text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
        else if (type == CellValues.InlineString)
            text = string.Concat(cell.InlineString?.Descendants<Text>().Select(t => t.Text) ?? []);
        else if (type == CellValues.Boolean)
            text = raw == "1" ? "TRUE" : "FALSE";
        else if (type == CellValues.String || type == CellValues.Error)
            text = raw;
        else if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            number = value;
            text = dateFormat && LogValues.FromSerial(value) is { } date
                ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                : value.ToString(CultureInfo.InvariantCulture);
        }
        else
            text = raw;
        return new LogCell(text.Trim(), number, dateFormat && number is not null, fill, formula);
    }

    /// <summary>What a cell's style says about it: a date format, and a solid fill's colour.</summary>
    private sealed class CellStyles
    {
        private readonly List<(bool Date, string? Fill)> _formats = [];

        public (bool Date, string? Fill) Of(uint index) => index < _formats.Count ? _formats[(int)index] : (false, null);

        public static CellStyles Read(Stylesheet? sheet)
        {
            var styles = new CellStyles();
            if (sheet is null)
                return styles;
            var custom = sheet.NumberingFormats?.Elements<NumberingFormat>()
                .Where(n => n.NumberFormatId?.Value is not null)
                .GroupBy(n => n.NumberFormatId!.Value)
                .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
            var fills = sheet.Fills?.Elements<Fill>().Select(FillColour).ToList() ?? [];
            foreach (var format in sheet.CellFormats?.Elements<CellFormat>() ?? [])
            {
                var id = format.NumberFormatId?.Value ?? 0;
                var date = custom.TryGetValue(id, out var code) ? IsDateCode(code) : IsBuiltInDate(id);
                var fillId = (int)(format.FillId?.Value ?? 0);
                styles._formats.Add((date, fillId < fills.Count ? fills[fillId] : null));
            }
            return styles;
        }

        private static bool IsBuiltInDate(uint id) => id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58;

        private static bool IsDateCode(string code)
        {
            var plain = new System.Text.StringBuilder();
            var quoted = false;
            var bracket = false;
            foreach (var c in code)
            {
                if (c == '"')
                    quoted = !quoted;
                else if (c == '[' && !quoted)
                    bracket = true;
                else if (c == ']' && bracket)
                    bracket = false;
                else if (!quoted && !bracket)
                    plain.Append(char.ToLowerInvariant(c));
            }
            var text = plain.ToString();
            return text.Contains('d', StringComparison.Ordinal) || text.Contains('y', StringComparison.Ordinal);
        }

        private static string? FillColour(Fill fill)
        {
            if (fill.PatternFill is not { } pattern || pattern.PatternType?.Value is not { } type || type == PatternValues.None || type == PatternValues.Gray125)
                return null;
            ColorType? colour = pattern.ForegroundColor is null ? pattern.BackgroundColor : pattern.ForegroundColor;
            if (colour?.Rgb?.Value is { Length: >= 6 } rgb)
                return rgb[^6..].ToUpperInvariant();
            return colour?.Indexed?.Value is { } indexed && _indexed.TryGetValue(indexed, out var known) ? known : null;
        }

        /// <summary>The legacy palette's colours that RAG logs use.</summary>
        private static readonly Dictionary<uint, string> _indexed = new()
        {
            [2] = "FF0000", [3] = "00FF00", [4] = "0000FF", [5] = "FFFF00",
            [10] = "FF0000", [11] = "00FF00", [12] = "0000FF", [13] = "FFFF00", [16] = "800000", [17] = "008000",
            [50] = "99CC00", [51] = "FFCC00", [52] = "FF9900", [53] = "FF6600", [57] = "339966",
        };
    }
}
