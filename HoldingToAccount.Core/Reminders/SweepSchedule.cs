using System.Globalization;

namespace HoldingToAccount.Core.Reminders;

/// <summary>
/// <c>Reminders:SweepInterval</c> as a schedule on the London clock: the cron the job server runs the sweep by, and
/// the next time it runs. Cron counts minutes within an hour and hours within a day, so an interval must divide an hour
/// into whole minutes or a day into whole hours; any other is refused at start-up rather than run at another rate.
/// </summary>
public static class SweepSchedule
{
    private static readonly int[] _minutes = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
    private static readonly int[] _hours = [1, 2, 3, 4, 6, 8, 12, 24];

    /// <summary>Why the interval cannot be a schedule, or null when it can.</summary>
    public static string? Problem(TimeSpan interval)
    {
        if (Step(interval) is not null)
            return null;
        return $"Reminders:SweepInterval {interval.ToString("c", CultureInfo.InvariantCulture)} cannot be a schedule: use "
            + $"{string.Join(", ", _minutes)} minutes or {string.Join(", ", _hours)} hours (a whole part of an hour or of a day).";
    }

    /// <summary>The cron expression, in London time: <c>*/15 * * * *</c> for 15 minutes, <c>0 */2 * * *</c> for 2 hours.</summary>
    public static string Cron(TimeSpan interval)
    {
        var minutes = Step(interval) ?? throw new ArgumentException(Problem(interval), nameof(interval));
        return minutes switch
        {
            1 => "* * * * *",
            < 60 => $"*/{minutes.ToString(CultureInfo.InvariantCulture)} * * * *",
            60 => "0 * * * *",
            1440 => "0 0 * * *",
            _ => $"0 */{(minutes / 60).ToString(CultureInfo.InvariantCulture)} * * *",
        };
    }

    /// <summary>The interval in words after "every": "15 minutes", "hour", "2 hours", "day".</summary>
    public static string Describe(TimeSpan interval) => interval switch
    {
        { TotalMinutes: 1 } => "minute",
        { TotalHours: 1 } => "hour",
        { TotalDays: 1 } => "day",
        { TotalMinutes: < 60 } => $"{interval.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} minutes",
        _ => $"{interval.TotalHours.ToString("0", CultureInfo.InvariantCulture)} hours",
    };

    /// <summary>The first time after <paramref name="now"/> that <see cref="Cron"/> fires on the London clock.</summary>
    public static DateTimeOffset NextRun(TimeSpan interval, DateTimeOffset now)
    {
        var minutes = Step(interval) ?? throw new ArgumentException(Problem(interval), nameof(interval));
        if (minutes <= 60)
        {
            // London is always a whole number of hours from UTC, so minutes past the hour are the same on both clocks.
            var ticks = TimeSpan.TicksPerMinute * minutes;
            return new DateTimeOffset((now.UtcTicks / ticks + 1) * ticks, TimeSpan.Zero);
        }
        var local = TimeZoneInfo.ConvertTime(now, London.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var next = ((local.Hour * 60) + local.Minute) / minutes * minutes + minutes;
        while (true)
        {
            var at = next >= 1440
                ? London.ToInstant(day.AddDays(1), TimeOnly.MinValue)
                : London.ToInstant(day, new TimeOnly(next / 60, next % 60));
            if (at > now)
                return at;
            next += minutes; // the hour the clocks go back repeats on the London clock
        }
    }

    private static int? Step(TimeSpan interval)
    {
        if (interval.Ticks % TimeSpan.TicksPerMinute != 0)
            return null;
        var minutes = (int)Math.Min(interval.TotalMinutes, int.MaxValue);
        return _minutes.Contains(minutes) || (minutes % 60 == 0 && _hours.Contains(minutes / 60)) ? minutes : null;
    }
}
