using HoldingToAccount.Core;

namespace HoldingToAccount.Dashboard.Components.Pages.Public;

internal static class PublicDates
{
    /// <summary>"1 December 2026": the London day a publication went up.</summary>
    public static string PublishedOn(DateTime utc) =>
        London.LongDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London.Zone)));
}
