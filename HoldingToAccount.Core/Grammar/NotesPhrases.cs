using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Grammar;

/// <summary>The marks and set phrases of meeting notes, read the same way when notes are imported and when they are written out.</summary>
public static partial class NotesPhrases
{
    private const string _bulletGlyphs = "-–—•●○◦▪■*·‣⁃►>";

    /// <summary>
    /// The length of the bullet that starts <paramref name="line"/> with the space after it ("- ", "• ", "a) ", "(i) "),
    /// or 0. Numbered markers ("1.") are not bullets.
    /// </summary>
    public static int BulletLength(string line) => BulletRegex().Match(line) is { Success: true } match ? match.Length : 0;

    /// <summary>
    /// The text after a bullet glyph and a space ("• text", "- text"), or null. Letters and numerals are left to
    /// the writer, who keeps them as the notes wrote them; a dash with no space ("-5") is not a bullet here.
    /// </summary>
    public static string? GlyphBulletText(string line) =>
        GlyphBulletRegex().Match(line) is { Success: true } match ? match.Groups["text"].Value.Trim() : null;

    /// <summary>A phrase that says there was nothing: "There were no actions arising", "There were none", "None", "Nil", "N/A".</summary>
    public static bool SaysNone(string text) => NoneRegex().IsMatch(text);

    [GeneratedRegex(@"^(?:[" + _bulletGlyphs + @"]+|[a-z][.)]|\((?:[a-z]|[ivx]{1,4}|[0-9]{1,2})\))[ \t]*", TextPatterns.Options, TextPatterns.TimeoutMs)]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"^[" + _bulletGlyphs + @"]\s+(?<text>.+)$", TextPatterns.Options, TextPatterns.TimeoutMs)]
    private static partial Regex GlyphBulletRegex();

    [GeneratedRegex(@"^\W*(?:there\s+(?:were|was|are|is)\s+(?:none|no\b)|none\b|nil\b|no\s+(?:new\s+|further\s+)?actions?\b|n/a\b)",
        TextPatterns.Options | RegexOptions.IgnoreCase, TextPatterns.TimeoutMs)]
    private static partial Regex NoneRegex();
}
