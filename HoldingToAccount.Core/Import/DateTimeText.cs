using System.Globalization;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Grammar;

namespace HoldingToAccount.Core.Import;

/// <summary>Finds a calendar date and a clock time in a line of notes ("Tuesday 31st January 2017 @ 10:30", "10:30 on 28 February 2017").</summary>
internal static partial class DateTimeText
{
    private const string _weekday = @"(?:" + UkDateGrammar.Weekday + @"\b\.?,?\s+(?:the\s+)?)?";
    private const string _year = @"(?:\s+" + UkDateGrammar.Year + ")?";

    private const string _datePattern =
        @"(?<![\p{L}0-9])(?:"
        + _weekday + UkDateGrammar.Day + @"\s+(?:of\s+)?" + UkDateGrammar.Month + @"\.?,?" + _year
        + "|" + _weekday + UkDateGrammar.Month + @"\.?\s+" + UkDateGrammar.Day + ",?" + _year
        + "|" + _weekday + UkDateGrammar.NumericDate
        + "|" + UkDateGrammar.IsoDate
        + @")(?![\p{L}0-9])";

    private const string _timePattern =
        @"(?<![0-9.:/])(?:(?<hour>[01]?[0-9]|2[0-3])[:.](?<minute>[0-5][0-9])(?:\s*(?<ampm>[ap])\.?m\b\.?)?(?![0-9]|[.:/][0-9])"
        + @"|(?<hour>1[0-2]|[1-9])\s*(?<ampm>[ap])\.?m\b\.?|(?<noon>noon|midday)"
        // "9 – 11:45": an hour alone starts a range whose end has minutes; "0930 to 1230": 24-hour times without a colon.
        + @"|(?<hour>1[0-9]|2[0-3]|0?[1-9])(?=\s*[–\-]\s*(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?![0-9]))"
        + @"|(?<hour>[01][0-9]|2[0-3])(?<minute>[0-5][0-9])(?=\s*(?:to|[–\-])\s*(?:[01][0-9]|2[0-3])[0-5][0-9](?![0-9])))";

    public readonly record struct Found<T>(T Value, int Start, int Length, bool WeekdayDisagrees = false);

    /// <summary>
    /// The first real date in <paramref name="text"/>. A date without a year takes the first such day after
    /// <paramref name="after"/> when one is known, and is skipped otherwise.
    /// </summary>
    public static Found<DateOnly>? FindDate(string text, DateOnly? after = null)
    {
        foreach (Match match in DateRegex().Matches(text))
        {
            if (Resolve(match, after) is not { } date)
                continue;
            var disagrees = UkDateGrammar.DayOfWeekOf(match.Groups["weekday"]) is { } weekday && weekday != date.DayOfWeek;
            return new Found<DateOnly>(date, match.Index, match.Length, disagrees);
        }
        return null;
    }

    /// <summary>The first clock time in <paramref name="text"/> outside the span of a date; for a range "10:30 – 12:30", its start.</summary>
    public static Found<TimeOnly>? FindTime(string text, int skipStart = 0, int skipLength = 0)
    {
        foreach (Match match in TimeRegex().Matches(text))
        {
            if (skipLength > 0 && match.Index < skipStart + skipLength && skipStart < match.Index + match.Length)
                continue;
            if (match.Groups["noon"].Success)
                return new Found<TimeOnly>(new TimeOnly(12, 0), match.Index, match.Length);
            var hour = int.Parse(match.Groups["hour"].ValueSpan, CultureInfo.InvariantCulture);
            var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].ValueSpan, CultureInfo.InvariantCulture) : 0;
            var ampm = match.Groups["ampm"];
            if (ampm.Success)
            {
                if (hour == 0)
                    continue;
                if (hour > 12)
                    return new Found<TimeOnly>(new TimeOnly(hour, minute), match.Index, match.Length); // "14:00 pm"
                var pm = char.ToLowerInvariant(ampm.Value[0]) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }
            return new Found<TimeOnly>(new TimeOnly(hour, minute), match.Index, match.Length);
        }
        return null;
    }

    /// <summary>
    /// "Wednesday 19th April": a day and month written without a year, and its year when the text writes the same day in
    /// full elsewhere (an item reference "Ref 01/19/04/2023", "19 April 2023"); null when no such year is written.
    /// </summary>
    public static (Found<DateOnly>? Date, string? YearSource, int DayStart, int DayLength)? FindYearlessDate(string text, string wholeText)
    {
        foreach (Match match in DateRegex().Matches(text))
        {
            if (match.Groups["year"].Success || UkDateGrammar.MonthNumber(match.Groups["month"]) is not { } month)
                continue;
            var day = UkDateGrammar.Number(match, "day");
            if (day is < 1 or > 31)
                continue;
            var pattern = string.Format(CultureInfo.InvariantCulture, @"(?<![0-9])0?{0}[/.]0?{1}[/.](?<year>(?:19|20)[0-9]{{2}})(?![0-9])", day, month);
            var written = Regex.Match(wholeText, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(TextRules.RegexTimeoutMs));
            if (!written.Success)
            {
                foreach (Match full in DateRegex().Matches(wholeText))
                {
                    if (full.Groups["year"].Success && UkDateGrammar.MonthNumber(full.Groups["month"]) == month && UkDateGrammar.Number(full, "day") == day)
                    {
                        written = full;
                        break;
                    }
                }
            }
            if (!written.Success || UkDateGrammar.Date(int.Parse(written.Groups["year"].ValueSpan, CultureInfo.InvariantCulture), month, day) is not { } date)
                return (null, null, match.Index, match.Length);
            var disagrees = UkDateGrammar.DayOfWeekOf(match.Groups["weekday"]) is { } weekday && weekday != date.DayOfWeek;
            return (new Found<DateOnly>(date, match.Index, match.Length, disagrees), written.Value, match.Index, match.Length);
        }
        return null;
    }

    private static DateOnly? Resolve(Match match, DateOnly? after)
    {
        if (UkDateGrammar.MonthNumber(match.Groups["month"]) is not { } month)
            return UkDateGrammar.NumericOrIso(match);
        var day = UkDateGrammar.Number(match, "day");
        if (match.Groups["year"].Success)
            return UkDateGrammar.Date(UkDateGrammar.Number(match, "year"), month, day);
        return after is { } reference ? UkDateGrammar.NextSuchDay(month, day, reference, sameDayCounts: false) : null;
    }

    [GeneratedRegex(_datePattern, TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex DateRegex();

    [GeneratedRegex(_timePattern, TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex TimeRegex();
}
