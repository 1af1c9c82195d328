using System.Globalization;
using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Grammar;

/// <summary>
/// How dates are written in the notes and in due phrases, the UK way: "3 March 2017", "Friday 3rd of Mar",
/// "March 3rd, 2017", "03/03/17", "2017-03-03". The pattern pieces are matched case-insensitively; the
/// readers that use them add what comes around a date (a label, "by", "due").
/// </summary>
public static class UkDateGrammar
{
    /// <summary>
    /// The years a written date may name. The year patterns write 19xx or 20xx and a two-digit year is read as
    /// 20xx, so a date outside this range (a four-digit number such as 2150, a "next year" past 2099) is one
    /// the notes cannot mean.
    /// </summary>
    public const int FirstYear = 1900;

    public const int LastYear = 2099;

    private const string _monthNamesButMay =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    /// <summary>A month by name or abbreviation, in the group "month".</summary>
    public const string Month = "(?<month>" + _monthNamesButMay + "|may)";

    /// <summary>As <see cref="Month"/>, but "may" is the month only when capitalised: for where nothing else says a month is meant.</summary>
    public const string MonthCapitalisedMay = "(?<month>" + _monthNamesButMay + "|(?-i:May))";

    /// <summary>A day of the week by name or abbreviation ("Tues", "Thurs", "Weds"), in the group "weekday".</summary>
    public const string Weekday =
        "(?<weekday>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";

    /// <summary>A day of the month, with or without "st", "nd", "rd", "th", in the group "day".</summary>
    public const string Day = "(?<day>[0-9]{1,2})(?:st|nd|rd|th)?";

    /// <summary>A four-digit year, in the group "year".</summary>
    public const string Year = "(?<year>(?:19|20)[0-9]{2})";

    /// <summary>"03/03/2017", "3.3.17", "3-3-17": day, month, year with one separator throughout.</summary>
    public const string NumericDate =
        @"(?<nday>[0-9]{1,2})(?<sep>[/.\-])(?<nmonth>[0-9]{1,2})\k<sep>(?<nyear>(?:19|20)?[0-9]{2})";

    /// <summary>"2017-03-03".</summary>
    public const string IsoDate = @"(?<iyear>(?:19|20)[0-9]{2})-(?<imonth>[0-9]{1,2})-(?<iday>[0-9]{1,2})";

    private static readonly string[] _monthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] _weekdayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The date, when the year is in range and the day exists in that month ("31 February" does not).</summary>
    public static DateOnly? Date(int year, int month, int day) =>
        year is >= FirstYear and <= LastYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>1 to 12 for a month the <see cref="Month"/> group matched.</summary>
    public static int? MonthNumber(Group month) =>
        month.Success && month.Length >= 3 && Array.IndexOf(_monthKeys, month.Value[..3].ToLowerInvariant()) is var index and >= 0
            ? index + 1
            : null;

    /// <summary>The day of the week the <see cref="Weekday"/> group matched, when it did.</summary>
    public static DayOfWeek? DayOfWeekOf(Group weekday) =>
        weekday.Success && weekday.Length >= 3 && Array.IndexOf(_weekdayKeys, weekday.Value[..3].ToLowerInvariant()) is var index and >= 0
            ? (DayOfWeek)index
            : null;

    /// <summary>
    /// The date a <see cref="NumericDate"/> or <see cref="IsoDate"/> match names; null when the match is neither
    /// or names no real day. A two-digit year is this century's.
    /// </summary>
    public static DateOnly? NumericOrIso(Match match)
    {
        if (match.Groups["iyear"].Success)
            return Date(Number(match, "iyear"), Number(match, "imonth"), Number(match, "iday"));
        if (!match.Groups["nyear"].Success)
            return null;
        var year = Number(match, "nyear");
        return Date(year < 100 ? 2000 + year : year, Number(match, "nmonth"), Number(match, "nday"));
    }

    /// <summary>The day and month a date named without a year, in the first year that puts it after <paramref name="from"/> (or on it, when <paramref name="sameDayCounts"/>).</summary>
    public static DateOnly? NextSuchDay(int month, int day, DateOnly from, bool sameDayCounts)
    {
        if (Date(from.Year, month, day) is { } thisYear && (thisYear > from || (sameDayCounts && thisYear == from)))
            return thisYear;
        return Date(from.Year + 1, month, day);
    }

    /// <summary>The number a group of ASCII digits holds; -1 when it holds none.</summary>
    public static int Number(Match match, string group) =>
        int.TryParse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
