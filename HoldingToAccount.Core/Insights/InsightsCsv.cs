using System.Globalization;
using System.Text;
using HoldingToAccount.Core.Export;

namespace HoldingToAccount.Core.Insights;

/// <summary>Each figure's data as the page's table shows it, as CSV for a spreadsheet or an annual report.</summary>
public static class InsightsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The figures that can be downloaded, by the name their link uses.</summary>
    public static readonly IReadOnlyList<string> Figures = ["meetings", "updates", "close-times", "carried", "escalations", "revisits"];

    public static string FileName(string figure, InsightsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return $"insights-{figure}-{ExportText.IsoDate(query.From)}-to-{ExportText.IsoDate(query.To)}.csv";
    }

    /// <summary>The figure's rows, a header first; null for a figure name it does not know.</summary>
    public static string? Write(string figure, InsightsFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        IEnumerable<IEnumerable<object?>>? rows = figure switch
        {
            "meetings" => figures.Meetings.Select(m => new object?[] { ExportText.IsoDate(m.Date), m.Title, m.BroughtForward, m.Carried, m.Closed })
                .Prepend(["Meeting date", "Meeting", "Brought forward", "Of which carried from before", "Closed at the meeting"]),
            "updates" => figures.Updates.Select(o => new object?[] { o.Owner, o.InTime, o.Due, o.PreviousInTime, o.PreviousDue })
                .Prepend(["Owner", "Updates in time", "Updates due", "In time, period before", "Due, period before"]),
            "close-times" => figures.CloseTimes.Select(o => new object?[] { o.Owner, o.Closed, o.MedianDays })
                .Prepend(["Owner", "Raised in the period and closed", "Median days from raised to closed"]),
            "carried" => figures.Carried.Select(o => new object?[] { o.Owner, o.Raised, o.CarriedTwiceOrMore })
                .Prepend(["Owner", "Raised in the period", "Carried twice or more"]),
            "escalations" => (figures.Escalations ?? []).Select(o => new object?[] { o.Owner, o.Raised, o.Escalated })
                .Prepend(["Owner", "Raised in the period", "Escalated"]),
            "revisits" => figures.Revisits.Select(r => new object?[] { r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Count })
                .Append(["No date yet", figures.RevisitsWithoutDate])
                .Prepend(["Month due", "Open revisits"]),
            _ => null,
        };
        if (rows is null)
            return null;
        var csv = new StringBuilder();
        foreach (var row in rows)
            csv.Append(string.Join(",", row.Select(Field))).Append("\r\n");
        return csv.ToString();
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.#", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ActionLogExport.Csv(value.ToString() ?? ""),
    };
}
