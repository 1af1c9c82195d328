using System.Text;

namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>
/// Reads a .csv action log (RFC 4180: quoted fields may hold commas, quotes and line breaks) in UTF-8 or Windows
/// Latin, with a comma, semicolon or tab between fields (whichever the first line uses most). A leading apostrophe
/// the product's own export adds before = + - @ is taken off again; a field that still starts with = is a formula.
/// </summary>
internal static class CsvSheetReader
{
    public static LogSheet Read(string fileName, byte[] content)
    {
        var text = Decode(fileName, content);
        var delimiter = Delimiter(text);
        var rows = new List<LogRow>();
        var fields = new List<LogCell>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        // Rows are numbered as a spreadsheet shows them: one per record, however many lines a quoted field spans.
        var record = 0;

        void EndField()
        {
            var value = field.ToString();
            field.Clear();
            if (!wasQuoted)
                value = value.Trim();
            fields.Add(Cell(value));
            wasQuoted = false;
        }
        void EndRow()
        {
            EndField();
            record++;
            var row = new LogRow(record, fields.ToList());
            fields.Clear();
            if (!row.IsBlank)
            {
                rows.Add(row);
                if (rows.Count > ActionLogReader.MaxRows + ActionLogReader.HeaderSearchRows)
                    throw ActionLogReader.TooManyRows(Path.GetFileNameWithoutExtension(fileName));
            }
        }

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
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = wasQuoted = true;
            }
            else if (c == delimiter)
                EndField();
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                EndRow();
            }
            else
                field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
            EndRow();
        return new LogSheet(Path.GetFileNameWithoutExtension(fileName), rows, []);
    }

    private static LogCell Cell(string value)
    {
        var text = value.Trim();
        if (text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@')
            return new LogCell(text[1..]);
        return text.StartsWith('=') && text.Length > 1 ? new LogCell("", Formula: text) : new LogCell(text);
    }

    private static readonly char[] _delimiters = [',', ';', '\t'];

    private static char Delimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        return _delimiters.OrderByDescending(d => first.Count(c => c == d)).First();
    }

    private static string Decode(string fileName, byte[] content)
    {
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        if (Array.IndexOf(content, (byte)0) >= 0 || LooksBinary(content))
            throw new DomainException($"'{fileName}' does not look like a .csv file: it may be a spreadsheet or another file renamed. Save the log from Excel as .xlsx or as \"CSV UTF-8\".");
        var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(content, start, content.Length - start);
        }
    }

    private static bool LooksBinary(byte[] content)
    {
        var sample = Math.Min(content.Length, 8192);
        var control = 0;
        for (var i = 0; i < sample; i++)
        {
            if (content[i] < 0x20 && content[i] is not (0x09 or 0x0A or 0x0D))
                control++;
        }
        return control * 100 > sample;
    }
}
