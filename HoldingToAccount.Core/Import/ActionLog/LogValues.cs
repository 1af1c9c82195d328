using System.Globalization;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Grammar;

namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>How the values of an action log's cells read: dates (text or Excel serials), statuses, RAG colours, owners.</summary>
public static partial class LogValues
{
    private static readonly CultureInfo _uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Excel serials from 1 January 1955 to 31 December 2099: outside them a number is not taken for a date.</summary>
    private const double _firstSerial = 20090, _lastSerial = 73050;

    private static readonly string[] _formats =
    [
        "d/M/yyyy", "d/M/yy", "d.M.yyyy", "d.M.yy", "d-M-yyyy", "yyyy-M-d", "d MMMM yyyy", "d MMM yyyy", "d MMMM yy", "d MMM yy",
        "dddd d MMMM yyyy", "ddd d MMMM yyyy", "ddd d MMM yyyy", "d-MMM-yyyy", "d-MMM-yy", "MMMM d yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss",
        "yyyy-M-d H:mm", "yyyy-M-dTH:mm:ss",
    ];

    public static DateOnly? FromSerial(double serial) =>
        serial is >= _firstSerial and <= _lastSerial ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))) : null;

    /// <summary>A cell's date: an Excel date, a serial number, or a UK date written out; null when it is none of those.</summary>
    public static DateOnly? Date(LogCell cell)
    {
        if (cell.Number is { } number)
            return FromSerial(number);
        return Date(cell.Text);
    }

    public static DateOnly? Date(string text)
    {
        var plain = OrdinalSuffix().Replace(text.Trim().TrimEnd('.'), "${day}").Replace(",", "", StringComparison.Ordinal);
        plain = Spaces().Replace(plain, " ");
        if (plain.Length == 0)
            return null;
        if (double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
            return FromSerial(serial);
        return DateTime.TryParseExact(plain, _formats, _uk, DateTimeStyles.AllowWhiteSpaces, out var date) ? DateOnly.FromDateTime(date) : null;
    }

    /// <summary>A date at the start of a text ("12/03/2024: the review has started" or "12 March 2024 - …"), and the rest.</summary>
    public static (DateOnly? Date, string Text) DatedText(string text)
    {
        var match = LeadingDate().Match(text);
        if (match.Success && Date(match.Groups["date"].Value) is { } date)
            return (date, text[match.Length..].Trim());
        return (null, text.Trim());
    }

    /// <summary>
    /// The status a cell's words give: the product's own names, and what logs write ("Complete", "Done", "C/Fwd",
    /// "Ongoing"). RAG words and letters go through <paramref name="rag"/>. Null when the words are none of these.
    /// </summary>
    public static ActionStatus? Status(string text, RagStatuses rag)
    {
        var key = Spaces().Replace(text.Trim().ToLowerInvariant().Replace('_', ' ').Replace('-', ' '), " ").TrimEnd('.');
        if (key.Length == 0)
            return null;
        if (RagOf(key) is { } colour)
            return rag.For(colour);
        return key switch
        {
            "open" or "new" or "ongoing" or "in progress" or "outstanding" or "live" or "not started" or "c/fwd" or "c/f" or "cfwd"
                or "carried forward" or "brought forward" or "b/fwd" or "on track" or "pending" or "overdue" or "deferred" => ActionStatus.Open,
            "update provided" or "updated" or "update received" => ActionStatus.UpdateProvided,
            "proposed complete" or "proposed closed" or "proposed for closure" or "propose to close" or "recommended for closure"
                or "for closure" => ActionStatus.ProposedComplete,
            "closed" or "complete" or "completed" or "done" or "discharged" or "achieved" or "closed complete" => ActionStatus.Closed,
            "cancelled" or "canceled" or "withdrawn" or "no longer required" or "superseded" => ActionStatus.Cancelled,
            _ => null,
        };
    }

    public static RagColour? RagOf(string key) => key switch
    {
        "red" or "r" => RagColour.Red,
        "amber" or "a" or "yellow" or "orange" => RagColour.Amber,
        "green" or "g" => RagColour.Green,
        "blue" or "b" => RagColour.Blue,
        _ => null,
    };

    /// <summary>The RAG colour nearest a cell's fill (hex RGB), by hue; pale, grey and white fills are no colour.</summary>
    public static RagColour? RagOfFill(string? rgb)
    {
        if (rgb is not { Length: 6 } || !int.TryParse(rgb, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            return null;
        var r = ((value >> 16) & 0xFF) / 255.0;
        var g = ((value >> 8) & 0xFF) / 255.0;
        var b = (value & 0xFF) / 255.0;
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var chroma = max - min;
        if (chroma < 0.25 || max < 0.2)
            return null;
        double hue;
        if (max == r)
            hue = 60 * ((g - b) / chroma % 6);
        else if (max == g)
            hue = 60 * ((b - r) / chroma + 2);
        else
            hue = 60 * ((r - g) / chroma + 4);
        if (hue < 0)
            hue += 360;
        return hue switch
        {
            < 20 or >= 330 => RagColour.Red,
            < 70 => RagColour.Amber,
            < 170 => RagColour.Green,
            < 260 => RagColour.Blue,
            _ => null,
        };
    }

    /// <summary>"CC/DCC", "CC, DCC", "CC & DCC", "CC and DCC", one per line: the owners as written, each trimmed.</summary>
    public static IReadOnlyList<string> Owners(string text) =>
        OwnerSeparators().Split(text).Select(t => t.Trim().Trim('(', ')', '.')).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)\b", TextPatterns.Options | RegexOptions.IgnoreCase, TextPatterns.TimeoutMs)]
    private static partial Regex OrdinalSuffix();

    [GeneratedRegex(@"\s+", TextPatterns.Options, TextPatterns.TimeoutMs)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*(?<date>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\s+\d{4})\s*[:\-–—]?\s*", TextPatterns.Options, TextPatterns.TimeoutMs)]
    private static partial Regex LeadingDate();

    // "T/DCC" keeps its slash: a slash only separates when what follows is not a role letter run straight after "T".
    [GeneratedRegex(@"\s*(?:,|;|&|\+|\band\b|\r?\n|(?<!\bT)/)\s*", TextPatterns.Options | RegexOptions.IgnoreCase, TextPatterns.TimeoutMs)]
    private static partial Regex OwnerSeparators();
}
