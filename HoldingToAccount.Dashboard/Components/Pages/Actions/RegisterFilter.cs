using System.Globalization;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Dashboard.Components.Shared;

namespace HoldingToAccount.Dashboard.Components.Pages.Actions;

/// <summary>The register's filters as the form edits them and as the URL carries them (so a view can be bookmarked and shared).</summary>
public sealed class RegisterFilter
{
    public string? Text { get; set; }
    public string? Owner { get; set; }

    /// <summary>"Open" (not closed or cancelled) or one status exactly; see <see cref="StatusFilter"/>.</summary>
    public StatusFilter? Status { get; set; }

    public int? SeriesId { get; set; }
    public DateTime? RaisedFrom { get; set; }
    public DateTime? RaisedTo { get; set; }
    public int? DueMeetingId { get; set; }
    public int? MinTimesCarried { get; set; }
    public bool OverdueOnly { get; set; }

    /// <summary>Actions escalated for slipping (<see cref="RegisterQuery.EscalatedOnly"/>).</summary>
    public bool EscalatedOnly { get; set; }

    /// <summary>Brought forward to this meeting (<see cref="RegisterQuery.AtMeetingId"/>).</summary>
    public int? AtMeetingId { get; set; }

    /// <summary>Closed at this meeting (<see cref="RegisterQuery.ClosedAtMeetingId"/>).</summary>
    public int? ClosedAtMeetingId { get; set; }

    /// <summary>Only actions, or only revisits.</summary>
    public ActionKind? Kind { get; set; }

    /// <summary>How many filters are set, as the narrow-screen "Filters (n active)" button says.</summary>
    public int ActiveCount => ToQueryString().Values.Count(v => v is not null);

    public bool IsEmpty => ActiveCount == 0;

    /// <param name="open">The older "open only" switch (<c>open=true</c>), kept so that links made with it still work.</param>
    public static RegisterFilter FromUrl(string? q, string? owner, string? status, int? series, string? from, string? to, int? due, int? carried, bool? overdue, bool? open,
        int? at = null, int? closedAt = null, string? kind = null, bool? escalated = null) => new()
    {
        Text = Blank(q),
        Owner = Blank(owner),
        Status = StatusFilter.TryParse(status, out var s) && s is not null ? s : open == true ? StatusFilter.AnyOpen : null,
        SeriesId = series,
        RaisedFrom = Date(from),
        RaisedTo = Date(to),
        DueMeetingId = due,
        MinTimesCarried = carried is > 0 ? carried : null,
        OverdueOnly = overdue == true,
        EscalatedOnly = escalated == true,
        AtMeetingId = at,
        ClosedAtMeetingId = closedAt,
        Kind = Enum.TryParse<ActionKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k : null,
    };

    public Dictionary<string, object?> ToQueryString() => new()
    {
        ["q"] = Blank(Text),
        ["owner"] = Blank(Owner),
        ["status"] = Status?.Word,
        ["series"] = SeriesId,
        ["from"] = RaisedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = RaisedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["due"] = DueMeetingId,
        ["carried"] = MinTimesCarried is > 0 ? MinTimesCarried : null,
        ["overdue"] = OverdueOnly ? true : null,
        ["escalated"] = EscalatedOnly ? true : null,
        ["at"] = AtMeetingId,
        ["closedAt"] = ClosedAtMeetingId,
        ["kind"] = Kind?.ToString().ToLowerInvariant(),
    };

    /// <summary>The same filters as the URL would carry them (text compared trimmed).</summary>
    public bool SameAs(RegisterFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = ToQueryString();
        return other.ToQueryString().All(p => Equals(p.Value, mine[p.Key]));
    }

    public RegisterQuery ToQuery(RegisterSort sort, bool descending) => new(
        Owner, Status?.Exactly, SeriesId,
        RaisedFrom is { } f ? DateOnly.FromDateTime(f) : null,
        RaisedTo is { } t ? DateOnly.FromDateTime(t) : null,
        DueMeetingId, Text, MinTimesCarried, OverdueOnly, Status is { IsAnyOpen: true }, Kind, sort, descending,
        AtMeetingId: AtMeetingId, ClosedAtMeetingId: ClosedAtMeetingId, EscalatedOnly: EscalatedOnly);

    public RegisterFilter Copy() => (RegisterFilter)MemberwiseClone();

    /// <summary>A status choice in words, for the filter's list.</summary>
    public static string Describe(StatusFilter status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Exactly switch
        {
            null => "Open (not closed or cancelled)",
            ActionStatus.Open => "Awaiting an update (status Open)",
            ActionStatus exactly => ActionStatusChip.Describe(exactly),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTime? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToDateTime(TimeOnly.MinValue) : null;
}
