using HoldingToAccount.Core;
using HoldingToAccount.Core.People;

namespace HoldingToAccount.Dashboard.Components.Pages.People;

/// <summary>How a role holding's period reads on the page: "from 1 Nov 2016 to 31 Oct 2017".</summary>
public static class PeopleText
{
    public static string Period(HoldingRow h) =>
        $"from {London.ShortDate(h.From)}" + (h.To is { } to ? $" to {London.ShortDate(to)}" : " (still held)");
}
