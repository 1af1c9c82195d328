using System.Globalization;
using HoldingToAccount.Core;

namespace HoldingToAccount.Dashboard.Components.Audit;

internal static class AuditTime
{
    /// <summary>A stored UTC instant as London local time, "31 Jan 2017 10:42:07".</summary>
    public static string Show(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London.Zone);
        return local.ToString("d MMM yyyy HH:mm:ss", CultureInfo.GetCultureInfo("en-GB"));
    }
}
