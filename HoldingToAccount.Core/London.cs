namespace HoldingToAccount.Core;

/// <summary>Meetings happen in Europe/London; dates and times are kept local and shown in UK formats.</summary>
public static class London
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static readonly System.Globalization.CultureInfo Uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Tuesday 31 January 2017".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", Uk);

    /// <summary>"Tuesday 31 January 2017, 10:30".</summary>
    public static string LongDateTime(DateOnly date, TimeOnly time) => $"{LongDate(date)}, {time.ToString("HH:mm", Uk)}";

    /// <summary>"January 2017".</summary>
    public static string Month(DateOnly date) => date.ToString("MMMM yyyy", Uk);

    /// <summary>"31 Jan 2017".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", Uk);
}
