using System.Globalization;
using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Import;

/// <summary>Finds a calendar date and a clock time in a line of notes ("Tuesday 31st January 2017 @ 10:30", "10:30 on 28 February 2017").</summary>
internal static partial class DateTimeText
{
    private const string _months =
        "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private const string _weekday = @"(?:(?<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:the\s+)?)?";

    private const string _datePattern =
        @"(?<![\p{L}0-9])(?:"
        + _weekday + @"(?<day>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _months + @"\.?,?(?:\s+(?<year>(?:19|20)[0-9]{2}))?"
        + "|" + _weekday + _months + @"\s+(?<day>[0-9]{1,2})(?:st|nd|rd|th)?,?(?:\s+(?<year>(?:19|20)[0-9]{2}))?"
        + @"|" + _weekday + @"(?<nday>[0-9]{1,2})[/.](?<nmonth>[0-9]{1,2})[/.](?<nyear>(?:19|20)?[0-9]{2})"
        + @"|(?<iyear>(?:19|20)[0-9]{2})-(?<imonth>[0-9]{2})-(?<iday>[0-9]{2})"
        + @")(?![\p{L}0-9])";

    private const string _timePattern =
        @"(?<![0-9.:/])(?:(?<hour>[01]?[0-9]|2[0-3])[:.](?<minute>[0-5][0-9])(?:\s*(?<ampm>[ap])\.?m\b\.?)?(?![0-9]|[.:/][0-9])"
        + @"|(?<hour>1[0-2]|[1-9])\s*(?<ampm>[ap])\.?m\b\.?|(?<noon>noon|midday))";

    private static readonly string[] _monthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] _weekdayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

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
            var weekday = match.Groups["weekday"];
            var disagrees = weekday.Success
                && Array.IndexOf(_weekdayKeys, weekday.Value.ToLowerInvariant()) != (int)date.DayOfWeek;
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
                if (hour is 0 or > 12)
                    continue;
                var pm = char.ToLowerInvariant(ampm.Value[0]) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }
            return new Found<TimeOnly>(new TimeOnly(hour, minute), match.Index, match.Length);
        }
        return null;
    }

    private static DateOnly? Resolve(Match match, DateOnly? after)
    {
        if (match.Groups["iyear"].Success)
            return Valid(Number(match, "iyear"), Number(match, "imonth"), Number(match, "iday"));
        if (match.Groups["nyear"].Success)
        {
            var year = Number(match, "nyear");
            return Valid(year < 100 ? 2000 + year : year, Number(match, "nmonth"), Number(match, "nday"));
        }

        var month = Array.IndexOf(_monthKeys, match.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
        var day = Number(match, "day");
        if (match.Groups["year"].Success)
            return Valid(Number(match, "year"), month, day);
        if (after is not { } reference)
            return null;
        var thisYear = Valid(reference.Year, month, day);
        return thisYear is { } candidate && candidate > reference ? candidate : Valid(reference.Year + 1, month, day);
    }

    private static int Number(Match match, string group) =>
        int.TryParse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    private static DateOnly? Valid(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(_datePattern, TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex DateRegex();

    [GeneratedRegex(_timePattern, TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex TimeRegex();
}
