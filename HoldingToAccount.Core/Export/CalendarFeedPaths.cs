using System.Globalization;

namespace HoldingToAccount.Core.Export;

/// <summary>The addresses of the calendar feeds, relative to the app's base, for a calendar token.</summary>
public static class CalendarFeedPaths
{
    public static string Person(string token) => $"ical/person/{Uri.EscapeDataString(token)}.ics";

    public static string Series(int seriesId, string token) =>
        $"ical/series/{seriesId.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(token)}.ics";
}
