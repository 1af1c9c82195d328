using System.Globalization;
using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Meetings;

/// <summary>A monthly rule such as "last Tuesday monthly 10:30" or "first Monday monthly 14:00".</summary>
public sealed partial record Recurrence(int Ordinal, DayOfWeek Day, TimeOnly Time)
{
    private const int Last = -1;
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth"];

    public static Recurrence Parse(string rule)
    {
        var match = Pattern().Match(rule.Trim());
        if (!match.Success
            || !Enum.TryParse<DayOfWeek>(match.Groups["day"].Value, ignoreCase: true, out var day)
            || !TimeOnly.TryParseExact(match.Groups["time"].Value.Replace('.', ':'), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            throw new DomainException($"\"{rule}\" is not a recurrence this product understands. Write it like \"last Tuesday monthly 10:30\".");
        var word = match.Groups["ordinal"].Value.ToLowerInvariant();
        var ordinal = word == "last" ? Last : Array.IndexOf(Ordinals, word) + 1;
        return new Recurrence(ordinal, day, time);
    }

    public DateOnly DateIn(int year, int month)
    {
        if (Ordinal == Last)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)Day + 7) % 7));
        }
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)Day - (int)first.DayOfWeek + 7) % 7 + 7 * (Ordinal - 1));
    }

    /// <summary>Every occurrence on or after <paramref name="from"/> and before <paramref name="until"/>.</summary>
    public IEnumerable<DateOnly> Between(DateOnly from, DateOnly until)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month < until; month = month.AddMonths(1))
        {
            var date = DateIn(month.Year, month.Month);
            if (date >= from && date < until)
                yield return date;
        }
    }

    [GeneratedRegex(@"^(?<ordinal>first|second|third|fourth|last)\s+(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+monthly\s+(?<time>\d{1,2}[:.]\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
