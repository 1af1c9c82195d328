using System.Globalization;

namespace HoldingToAccount.Core.Grammar;

/// <summary>A number with its noun, as people write it: "1 action", "2 actions", "1,204 actions" — never "action(s)".</summary>
public static class Counted
{
    public static string Of(int count, string noun, string? plural = null) =>
        count.ToString("N0", CultureInfo.GetCultureInfo("en-GB")) + " " + (count == 1 ? noun : plural ?? noun + "s");
}
