namespace HoldingToAccount.Core.Reminders;

/// <summary>
/// Working days in England and Wales: Monday to Friday, less the bank holidays. The regular holidays are worked out
/// (Easter by the Gregorian computus, substitute days when one falls at a weekend); the one-off changes proclaimed
/// since 2011 are listed.
/// </summary>
public static class WorkingDays
{
    /// <summary>Days added by proclamation (jubilees, royal weddings, coronation, state funeral).</summary>
    private static readonly HashSet<DateOnly> _extra =
    [
        new(2011, 4, 29), new(2012, 6, 5), new(2022, 6, 3), new(2022, 9, 19), new(2023, 5, 8),
    ];

    /// <summary>Regular holidays moved to another day in that year: (the usual day, the day it moved to).</summary>
    private static readonly Dictionary<DateOnly, DateOnly> _moved = new()
    {
        [new(2012, 5, 28)] = new(2012, 6, 4),
        [new(2020, 5, 4)] = new(2020, 5, 8),
        [new(2022, 5, 30)] = new(2022, 6, 2),
    };

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(day);

    public static bool IsBankHoliday(DateOnly day) => BankHolidays(day.Year).Contains(day);

    /// <summary>The working day <paramref name="count"/> working days before <paramref name="day"/> (which need not be one).</summary>
    public static DateOnly Before(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = day;
        for (var left = count; left > 0;)
        {
            current = current.AddDays(-1);
            if (IsWorkingDay(current))
                left--;
        }
        return current;
    }

    /// <summary>The bank holidays of England and Wales in <paramref name="year"/>.</summary>
    public static IReadOnlySet<DateOnly> BankHolidays(int year)
    {
        var easter = EasterSunday(year);
        var regular = new List<DateOnly>
        {
            Substitute(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };
        var christmas = new DateOnly(year, 12, 25);
        var boxing = new DateOnly(year, 12, 26);
        (christmas, boxing) = christmas.DayOfWeek switch
        {
            DayOfWeek.Saturday => (christmas.AddDays(2), boxing.AddDays(2)),
            DayOfWeek.Sunday => (christmas.AddDays(2), boxing),
            DayOfWeek.Friday => (christmas, boxing.AddDays(2)),
            _ => (christmas, boxing),
        };
        regular.AddRange([christmas, boxing]);
        var days = regular.Select(d => _moved.GetValueOrDefault(d, d)).Concat(_extra.Where(d => d.Year == year));
        return days.ToHashSet();
    }

    private static DateOnly Substitute(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    /// <summary>Anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    private static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
