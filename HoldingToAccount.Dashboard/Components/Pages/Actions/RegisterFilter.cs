using System.Globalization;
using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Dashboard.Components.Pages.Actions;

/// <summary>The register's filters as the form edits them and as the URL carries them (so a view can be bookmarked and shared).</summary>
public sealed class RegisterFilter
{
    public string? Text { get; set; }
    public string? Owner { get; set; }
    public ActionStatus? Status { get; set; }
    public int? SeriesId { get; set; }
    public DateTime? RaisedFrom { get; set; }
    public DateTime? RaisedTo { get; set; }
    public int? DueMeetingId { get; set; }
    public int? MinTimesCarried { get; set; }
    public bool OverdueOnly { get; set; }
    public bool OpenOnly { get; set; }

    public bool IsEmpty => ToQueryString().Values.All(v => v is null);

    public static RegisterFilter FromUrl(string? q, string? owner, string? status, int? series, string? from, string? to, int? due, int? carried, bool? overdue, bool? open) => new()
    {
        Text = Blank(q),
        Owner = Blank(owner),
        Status = Enum.TryParse<ActionStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null,
        SeriesId = series,
        RaisedFrom = Date(from),
        RaisedTo = Date(to),
        DueMeetingId = due,
        MinTimesCarried = carried is > 0 ? carried : null,
        OverdueOnly = overdue == true,
        OpenOnly = open == true,
    };

    public Dictionary<string, object?> ToQueryString() => new()
    {
        ["q"] = Blank(Text),
        ["owner"] = Blank(Owner),
        ["status"] = Status?.ToString(),
        ["series"] = SeriesId,
        ["from"] = RaisedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = RaisedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["due"] = DueMeetingId,
        ["carried"] = MinTimesCarried is > 0 ? MinTimesCarried : null,
        ["overdue"] = OverdueOnly ? true : null,
        ["open"] = OpenOnly ? true : null,
    };

    public RegisterQuery ToQuery(RegisterSort sort, bool descending) => new(
        Owner, Status, SeriesId,
        RaisedFrom is { } f ? DateOnly.FromDateTime(f) : null,
        RaisedTo is { } t ? DateOnly.FromDateTime(t) : null,
        DueMeetingId, Text, MinTimesCarried, OverdueOnly, OpenOnly, null, sort, descending);

    public RegisterFilter Copy() => (RegisterFilter)MemberwiseClone();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTime? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToDateTime(TimeOnly.MinValue) : null;
}
