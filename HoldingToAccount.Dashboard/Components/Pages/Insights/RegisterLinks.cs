using System.Globalization;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Insights;
using HoldingToAccount.Dashboard.Components.Pages.Actions;

namespace HoldingToAccount.Dashboard.Components.Pages.Insights;

/// <summary>The register, filtered to the actions behind a figure: written with the register's own filter (<see cref="RegisterFilter"/>),
/// so that the number on the Insights page and the count on the register are the same rule.</summary>
public static class RegisterLinks
{
    /// <summary>Brought forward to the meeting; <paramref name="carried"/>: only those already carried from before.</summary>
    public static string BroughtForward(int meetingId, string? owner = null, bool carried = false) =>
        To(new RegisterFilter { AtMeetingId = meetingId, Owner = owner, MinTimesCarried = carried ? 1 : null });

    public static string ClosedAt(int meetingId) => To(new RegisterFilter { ClosedAtMeetingId = meetingId });

    /// <summary>Raised at a meeting of the series in the period; <paramref name="closed"/>: and closed since; <paramref name="carriedTwice"/>: carried twice or more.</summary>
    public static string Raised(InsightsQuery query, string owner, bool closed = false, bool carriedTwice = false, bool escalated = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        return To(new RegisterFilter
        {
            SeriesId = query.SeriesId,
            Owner = owner,
            RaisedFrom = query.From.ToDateTime(TimeOnly.MinValue),
            RaisedTo = query.To.ToDateTime(TimeOnly.MinValue),
            Status = closed ? StatusFilter.Only(ActionStatus.Closed) : null,
            MinTimesCarried = carriedTwice ? 2 : null,
            EscalatedOnly = escalated,
        });
    }

    /// <summary>Open revisits of the series; with <paramref name="dueMeetingId"/>, those due at that meeting.</summary>
    public static string Revisits(int seriesId, int? dueMeetingId = null) =>
        To(new RegisterFilter { SeriesId = seriesId, Kind = ActionKind.Revisit, Status = StatusFilter.AnyOpen, DueMeetingId = dueMeetingId });

    private static string To(RegisterFilter filter) =>
        "/actions?" + string.Join("&", filter.ToQueryString()
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Key}={Uri.EscapeDataString(Format(p.Value!))}"));

    private static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
