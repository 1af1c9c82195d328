using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Import;

internal enum HeadingKind
{
    /// <summary>A numbered section ("4a PERFORMANCE AGAINST …", "Item 3 – Finance"); the number may trail the title.</summary>
    Section,

    /// <summary>A capitalised heading with no number ("MISSING PERSONS"): an item of the section it is in.</summary>
    Unnumbered,

    /// <summary>"1) Building a more secure West Mercia – …", "2. Reforms to pre charge Bail".</summary>
    Numbered,

    /// <summary>A number on a line of its own ("2."): the heading follows on the next line.</summary>
    BareNumber,
}

internal sealed record Heading(HeadingKind Kind, string? Number, bool NumberTrails, string Title, SourceSpan Span, bool TitleIsCaps);

/// <summary>Recognises the heading shapes seen in meeting notes, one line at a time.</summary>
internal static partial class HeadingRecogniser
{
    private const string _capsToken = @"(?:\(?[A-Z][A-Z0-9'’&()\-–,:*]+|[/&–\-]|[0-9]{3,4}(?=[ \t]|$))";
    private const string _capsRun = "(?<title>" + _capsToken + @"(?:[ \t]+" + _capsToken + ")*)";
    private const string _number = "(?<num>[1-9][0-9]?[a-h]?)";

    public static Heading? Recognise(NoteLine line, bool afterBareNumber = false)
    {
        var text = line.Text;
        if (DateTimeText.FindDate(text) is { Start: 0 })
            return null; // "26th July 2016", "31 January 2017 …": a date, not a numbered heading
        if (BareNumberRegex().Match(text) is { Success: true } bare)
            return new Heading(HeadingKind.BareNumber, bare.Groups["num"].Value, false, "", line.Span, false);

        if (ItemPrefixRegex().Match(text) is { Success: true } item)
            return Make(HeadingKind.Section, item.Groups["num"].Value, false, line, item.Groups["title"], TextRules.LetterCount(item.Groups["title"].Value) > 0 && IsCaps(item.Groups["title"].Value));

        if (LeadingNumberCapsRegex().Match(text) is { Success: true } leading && CapsTitleOk(leading.Groups["title"].Value, leading.Length < text.Length, numbered: true))
        {
            // "1. OUTSTANDING MATTERS - actions arising from the May meeting": a short tail belongs to the title.
            var restLength = text.Length - leading.Length;
            var title = restLength > 0 && restLength <= 80 && text.Length <= 160 ? line.From(leading.Groups["title"].Index) : null;
            return title is not null
                ? new Heading(HeadingKind.Section, leading.Groups["num"].Value, false, CleanTitle(title.Text), title.Span, true)
                : Make(HeadingKind.Section, leading.Groups["num"].Value, false, line, leading.Groups["title"], true);
        }

        if (CapsRegex().Match(text) is { Success: true } caps)
        {
            var title = caps.Groups["title"].Value;
            var trailing = caps.Groups["num"];
            var wholeLine = caps.Length == text.Length && !trailing.Success;
            if (trailing.Success && !afterBareNumber && CapsTitleOk(title, hasRest: true, numbered: true))
                return Make(HeadingKind.Section, trailing.Value, true, line, caps.Groups["title"], true);
            if ((wholeLine || afterBareNumber) && CapsTitleOk(title, hasRest: !wholeLine, numbered: afterBareNumber))
                return Make(HeadingKind.Unnumbered, null, false, line, caps.Groups["title"], true);
        }

        if (NumberedRegex().Match(text) is { Success: true } numbered && (text.Length <= 160 || numbered.Groups["paren"].Success))
        {
            var title = numbered.Groups["title"];
            var cut = TitleEndRegex().Match(title.Value);
            var length = cut.Success ? cut.Index : Math.Min(title.Length, 150);
            var cleaned = CleanTitle(title.Value[..length]);
            if (TextRules.LetterCount(cleaned) >= 3)
                return new Heading(HeadingKind.Numbered, numbered.Groups["num"].Value, false, cleaned, new SourceSpan(line.Start + title.Index, length), false);
        }

        // Styled as a heading by the document ("Finance and resources" in Word's Heading 2): as sure a sign as capitals.
        if (line.Styled && text.Length <= 160 && TextRules.LetterCount(text) >= 3)
            return new Heading(HeadingKind.Unnumbered, null, false, CleanTitle(text), line.Span, TitleIsCaps: true);
        return null;
    }

    /// <summary>A heading title ending in a joining word continues on the next line ("… MATTERS ARISING FROM THE").</summary>
    public static bool ContinuesOnNextLine(string title) => ContinuationRegex().IsMatch(title);

    private static Heading Make(HeadingKind kind, string? number, bool trails, NoteLine line, Group title, bool caps) =>
        new(kind, number, trails, CleanTitle(title.Value), new SourceSpan(line.Start + title.Index, title.Length), caps);

    /// <summary>Enough capital letters to be a heading, and not just owner codes ("PCC/CC", "ALL").</summary>
    private static bool CapsTitleOk(string title, bool hasRest, bool numbered)
    {
        var letters = TextRules.LetterCount(title);
        var words = title.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => TextRules.LetterCount(w) > 0).ToList();
        if (words.Count == 0 || words.All(w => OwnerVocabulary.IsStandardCode(w.Trim(':', '.', ',', '(', ')')) || w.Contains('/', StringComparison.Ordinal) && w.Length <= 8))
            return false;
        if (!hasRest)
            return words.Count >= 2 ? letters >= 8 : numbered && letters >= 3;
        return words.Count >= 2 && letters >= 8;
    }

    /// <summary>Every letter is a capital ("PERFORMANCE AND ACCOUNTABILITY MEETING").</summary>
    public static bool IsCaps(string text) => text.Where(char.IsLetter).All(char.IsUpper);

    private static string CleanTitle(string title) =>
        TextRules.Squash(title.Replace("**", "", StringComparison.Ordinal)).Trim(' ', ':', '-', '–', '—', '/', '*', '.', ',');

    [GeneratedRegex(@"^" + _number + @"[.)]?$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex BareNumberRegex();

    [GeneratedRegex(@"^(?:agenda\s+)?item\s+(?<num>[1-9][0-9]?[a-h]?)[.:)]?\s*(?:[:.\-–—]\s*)?(?<title>\S.*)$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex ItemPrefixRegex();

    [GeneratedRegex(@"^" + _number + @"[.)]?[ \t]+" + _capsRun + @"(?=[ \t]|$)", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex LeadingNumberCapsRegex();

    [GeneratedRegex(@"^" + _capsRun + @"(?:[ \t]+" + _number + @"[.)]?(?=[ \t]|$))?", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex CapsRegex();

    [GeneratedRegex(@"^(?<num>[1-9][0-9]?)(?:(?<paren>\))[ \t]*|\.[ \t]*|[ \t]+(?=[A-Z]))(?<title>[A-Z‘'""“(*].*)$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex NumberedRegex();

    [GeneratedRegex(@"\?|[ \t][a-h]\)[ \t]|\.(?:[ \t]|$)|:[ \t]|\bFindings\b", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex TitleEndRegex();

    [GeneratedRegex(@"(?:\b(?:THE|OF|AND|FROM|TO|FOR|IN|ON|WITH|&)|[/\-–])\s*$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex ContinuationRegex();
}
