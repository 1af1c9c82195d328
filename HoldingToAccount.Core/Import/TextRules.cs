using System.Text;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Grammar;

namespace HoldingToAccount.Core.Import;

/// <summary>Small text tests shared by the parts of the notes parser.</summary>
internal static partial class TextRules
{
    public const int RegexTimeoutMs = TextPatterns.TimeoutMs;
    public const RegexOptions Options = TextPatterns.Options;

    public static int LetterCount(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
                count++;
        }
        return count;
    }

    /// <summary>"- text", "• text", "a) text", "(i) text": the line without its bullet. Numbered markers ("1.") are not bullets.</summary>
    public static bool TryStripBullet(NoteLine line, out NoteLine rest)
    {
        var length = NotesPhrases.BulletLength(line.Text);
        rest = length > 0 ? line.From(length) : line;
        return length > 0 && rest.Length > 0;
    }

    /// <summary>"1. text", "2) text": the number and the rest.</summary>
    public static bool TryStripNumber(NoteLine line, out int number, out NoteLine rest)
    {
        var match = NumberMarkerRegex().Match(line.Text);
        number = match.Success ? int.Parse(match.Groups["n"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture) : 0;
        rest = match.Success ? line.From(match.Length) : line;
        return match.Success && rest.Length > 0;
    }

    public static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd(' ', '\t', '"', '\'', '’', '”', ')');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or ';';
    }

    /// <summary>Lower case, letters and digits only, single spaces: for spotting the same paragraph twice.</summary>
    public static string Comparable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != ' ')
                builder.Append(' ');
        }
        return builder.ToString().Trim();
    }

    /// <summary>Collapses runs of white space (tabs included) to one space.</summary>
    public static string Squash(string text) => WhitespaceRegex().Replace(text, " ").Trim();

    /// <summary>The line speaks of the next meeting ("Date of next meeting", "The next meeting will be …").</summary>
    public static bool MentionsNextMeeting(string text) => NextMeetingRegex().IsMatch(text);

    /// <inheritdoc cref="NotesPhrases.SaysNone"/>
    public static bool SaysNone(string text) => NotesPhrases.SaysNone(text);

    [GeneratedRegex(@"^(?<n>[1-9][0-9]?)[.)][ \t]+", Options, RegexTimeoutMs)]
    private static partial Regex NumberMarkerRegex();

    [GeneratedRegex(@"\s+", Options, RegexTimeoutMs)]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"\bnext\s+meeting\b", Options | RegexOptions.IgnoreCase, RegexTimeoutMs)]
    private static partial Regex NextMeetingRegex();
}
