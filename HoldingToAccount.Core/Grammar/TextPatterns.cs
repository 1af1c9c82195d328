using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Grammar;

/// <summary>What every pattern that reads people's text is compiled with.</summary>
public static class TextPatterns
{
    /// <summary>
    /// A guard against input built to make a pattern backtrack for ever, not a speed limit: the clock is the wall's,
    /// so it is generous enough that a busy machine pausing a thread never turns good text into an error.
    /// </summary>
    public const int TimeoutMs = 2000;

    public const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
}
