using System.Globalization;

namespace HoldingToAccount.Core.Meetings;

/// <summary>Items are numbered within their section: "4a.1", "4a.2"…; the number is kept when an item is edited.</summary>
internal static class AgendaNumbering
{
    public static string Next(string section, IEnumerable<string> existingNumbers)
    {
        var prefix = section + ".";
        var highest = existingNumbers
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0)
            .DefaultIfEmpty(0).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{section}.{highest + 1}");
    }

    public static AgendaItemRow ToRow(AgendaItem i) =>
        new(i.Id, i.Section, i.Number, i.Title, i.Questions, i.Findings, i.Deferred, i.Restricted);
}
