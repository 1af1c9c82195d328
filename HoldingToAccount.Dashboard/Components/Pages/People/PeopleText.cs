using HoldingToAccount.Core;
using HoldingToAccount.Core.People;

namespace HoldingToAccount.Dashboard.Components.Pages.People;

/// <summary>How a role holding reads on the page: "T/DCC", "from 1 Nov 2016 to 31 Oct 2017".</summary>
public static class PeopleText
{
    public static string Role(HoldingRow h) => (h.Temporary && !h.RoleCode.StartsWith("T/", StringComparison.Ordinal) ? "T/" : "") + h.RoleCode;

    public static string Period(HoldingRow h) =>
        $"from {London.ShortDate(h.From)}" + (h.To is { } to ? $" to {London.ShortDate(to)}" : " (still held)");
}
