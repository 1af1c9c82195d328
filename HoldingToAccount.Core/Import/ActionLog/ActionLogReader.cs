namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>
/// The log as read from a file: the sheet it is on, its header row and the rows under it, with what was passed over.
/// The columns' meaning is not fixed here: <see cref="ActionLogParser"/> reads the rows against a mapping the
/// secretariat can correct.
/// </summary>
public sealed record ActionLogSource(
    string FileName,
    string SheetName,
    int HeaderRow,
    IReadOnlyList<string> Headers,
    IReadOnlyList<LogRow> Rows,
    IReadOnlyList<string> Notes);

/// <summary>
/// Opens an action-log spreadsheet (.xlsx or .csv, at most 5 MB and <see cref="MaxRows"/> rows), finds the sheet and
/// row its header is on, and refuses with a <see cref="DomainException"/> saying why whatever it cannot read: an empty,
/// binary or oversized file, a log on a hidden sheet only, merged cells inside the table, more rows than it takes.
/// </summary>
public static class ActionLogReader
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 10_000;

    /// <summary>How far down a sheet the header row is looked for (titles and notes often sit above it).</summary>
    public const int HeaderSearchRows = 20;

    public static readonly IReadOnlyList<string> Extensions = [".xlsx", ".csv"];

    public static bool IsActionLogFile(string fileName) => Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    public static async Task<ActionLogSource> ReadFileAsync(string path, CancellationToken ct = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new DomainException($"The file '{path}' does not exist.");
        if (info.Length > MaxBytes)
            throw TooLarge(info.Name, info.Length);
        return Read(info.Name, await File.ReadAllBytesAsync(path, ct));
    }

    public static ActionLogSource Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            throw new DomainException($"'{fileName}' is not an action-log spreadsheet; only .xlsx and .csv logs can be imported this way.");
        if (content.Length == 0)
            throw new DomainException($"'{fileName}' is empty.");
        if (content.Length > MaxBytes)
            throw TooLarge(fileName, content.Length);

        var hidden = new List<string>();
        if (extension == ".csv")
            return Locate(fileName, [CsvSheetReader.Read(fileName, content)], hidden, csv: true);
        try
        {
            return Locate(fileName, XlsxSheetReader.VisibleSheets(fileName, content, hidden), hidden, csv: false);
        }
        catch (Exception ex) when (ex is not DomainException and (System.Xml.XmlException or InvalidDataException or IOException or FormatException
            or ArgumentException or InvalidOperationException or NotSupportedException or OverflowException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException))
        {
            throw XlsxSheetReader.NotASpreadsheet(fileName);
        }
    }

    private static ActionLogSource Locate(string fileName, IEnumerable<LogSheet> sheets, List<string> hidden, bool csv)
    {
        var looked = new List<string>();
        foreach (var sheet in sheets)
        {
            looked.Add(sheet.Name);
            var header = sheet.Rows.Take(HeaderSearchRows).FirstOrDefault(r => LogColumns.IsHeaderRow(r.Cells.Select(c => c.Text).ToList()));
            if (header is null)
                continue;
            return Table(fileName, sheet, header, hidden);
        }

        var where = csv ? "" : $" on {(looked.Count == 1 ? "the sheet" : "any of the sheets")} {string.Join(", ", looked.Select(n => $"'{n}'"))}";
        var hiddenNote = hidden.Count == 0 ? "" : $" Hidden sheets are not read ({string.Join(", ", hidden.Select(n => $"'{n}'"))}): unhide the one that holds the log.";
        throw new DomainException(
            $"'{fileName}' has no action-log header row{where} in its first {HeaderSearchRows} rows. A log needs a row of column names with at least "
            + $"an Action column and one more, such as Ref, Owner, Due, Status or Update.{hiddenNote}");
    }

    private static ActionLogSource Table(string fileName, LogSheet sheet, LogRow header, List<string> hidden)
    {
        var inTable = sheet.Merged.Where(m => m.LastRow >= header.Number).ToList();
        if (inTable.Count > 0)
        {
            var shown = string.Join(", ", inTable.Take(5).Select(m => m.Reference)) + (inTable.Count > 5 ? $" and {inTable.Count - 5} more" : "");
            throw new DomainException(
                $"'{fileName}' has merged cells inside the log on '{sheet.Name}' ({shown}). Unmerge them (Home › Merge & Center) so every action has its own row and every column its own cell, then import it again.");
        }
        var rows = sheet.Rows.SkipWhile(r => r.Number <= header.Number).ToList();
        if (rows.Count > MaxRows)
            throw TooManyRows(sheet.Name);
        var notes = new List<string>();
        if (hidden.Count > 0)
            notes.Add($"Hidden sheets were not read: {string.Join(", ", hidden.Select(n => $"'{n}'"))}.");
        if (header.Number > 1)
            notes.Add($"The header is on row {header.Number} of '{sheet.Name}'; the rows above it were not read.");
        var headers = header.Cells.Select(c => c.Text).ToList();
        return new ActionLogSource(fileName, sheet.Name, header.Number, headers, rows, notes);
    }

    internal static DomainException TooManyRows(string sheet) =>
        new($"The log on '{sheet}' has more than {MaxRows:N0} rows; at most {MaxRows:N0} actions can be imported at once. Split it (for example open and closed actions) and import each part.");

    private static DomainException TooLarge(string fileName, long length) =>
        new($"'{fileName}' is {length / (1024.0 * 1024.0):0.0} MB; action logs of up to 5 MB can be imported.");
}
