using System.Globalization;
using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Actions;

/// <summary>References read "2017/03"; in URLs the slash is written as a dash ("2017-03").</summary>
public static partial class ActionReference
{
    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}/{sequence:D2}");

    public static string ToUrl(string reference) => reference.Replace('/', '-');

    public static bool TryParse(string? text, out int year, out int sequence)
    {
        year = sequence = 0;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
            return false;
        year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        sequence = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return sequence > 0;
    }

    [GeneratedRegex(@"^(\d{4})[/-](\d{1,5})$")]
    private static partial Regex Pattern();
}
