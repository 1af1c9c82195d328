namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>
/// One cell as the spreadsheet holds it: its text as shown, the number behind it when it is one (an Excel date is a
/// number with a date format), its fill colour as RGB hex when it has one, and whether it is a formula.
/// </summary>
public sealed record LogCell(string Text, double? Number = null, bool DateFormatted = false, string? Fill = null, string? Formula = null)
{
    public static readonly LogCell Empty = new("");

    public bool IsBlank => Text.Length == 0 && Number is null && Fill is null && Formula is null;
}

/// <summary>A row of the sheet with its 1-based row number as the spreadsheet shows it.</summary>
public sealed record LogRow(int Number, IReadOnlyList<LogCell> Cells)
{
    public LogCell this[int column] => column < Cells.Count ? Cells[column] : LogCell.Empty;

    public bool IsBlank => Cells.All(c => c.IsBlank);
}

/// <summary>A merged range of cells, 1-based and inclusive (A3:C3 is row 3, columns 1 to 3).</summary>
public sealed record MergedRange(string Reference, int FirstRow, int LastRow);

/// <summary>The rows of the one sheet that holds the log, as read, before its header is found.</summary>
public sealed record LogSheet(string Name, IReadOnlyList<LogRow> Rows, IReadOnlyList<MergedRange> Merged);

/// <summary>Column letters as the spreadsheet shows them: 0 → A, 26 → AA.</summary>
public static class ColumnLetters
{
    public static string Of(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>The 0-based column of a cell reference such as "AB12", or -1 when it has no letters.</summary>
    public static int FromReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return -1;
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return i == 0 ? -1 : column - 1;
    }

    /// <summary>The 1-based row of a cell reference such as "AB12", or 0 when it has none.</summary>
    public static int RowOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return 0;
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$");
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row) ? row : 0;
    }
}
