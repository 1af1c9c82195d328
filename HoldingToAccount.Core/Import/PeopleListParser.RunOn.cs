using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// Attendance tables flattened by PDF or web extraction run several people into one line ("… Commissioner Lisa Winward
/// (LW) – Chief Constable, NYP Mike Walker (MW) – …", "…for EssexJane Gardner (JG) Deputy…", "F Habgood (Chief
/// Constable) (TVP) J Campbell (Deputy…)"). Each person starts where a name stands before their initials in brackets,
/// before a bracket and a dash, or before a dash when the line has no brackets; the name is found by walking back from
/// that mark over capitalised words, matching the initials when there are some.
/// </summary>
internal static partial class PeopleListParser
{
    /// <summary>Where each person after the first starts in a line that lists several; empty for a line of one person.</summary>
    internal static List<int> RunOnStarts(string text)
    {
        var starts = new SortedSet<int>();
        foreach (Match bracket in BracketRegex().Matches(text))
        {
            var inner = bracket.Groups["inner"].Value;
            var initials = IsInitials(inner) ? inner : null;
            var dashAfter = DashAfterRegex().IsMatch(text.AsSpan(bracket.Index + bracket.Length));
            var start = NameStartBefore(text, bracket.Index, initials, initialOnly: initials is null && !dashAfter);
            if (start is not { } s)
                continue;
            if (initials is null && !dashAfter && !InitialAndSurnameRegex().IsMatch(text[s..bracket.Index]))
                continue;
            starts.Add(s);
        }
        if (starts.Count == 0)
        {
            foreach (Match dash in DashRegex().Matches(text))
            {
                if (NameStartBefore(text, dash.Index, null, initialOnly: false) is { } s)
                    starts.Add(s);
            }
        }
        // "Chief Constable Martin Hale (MH)": a name marked after its capacity is one person, not two.
        if (starts.Count > 0 && starts.Min > 0 && !BracketRegex().IsMatch(text.AsSpan(0, starts.Min)) && !DashRegex().IsMatch(text.AsSpan(0, starts.Min)))
            starts.Remove(starts.Min);
        foreach (Match glue in CloseBracketGlueRegex().Matches(text))
            starts.Add(glue.Index);
        foreach (Match glue in WordGlueRegex().Matches(text))
            starts.Add(glue.Index);
        starts.Remove(0);
        // "Ch Supt Alan Moore (…)": a title before a name belongs to that name.
        var previous = 0;
        foreach (var start in starts.ToList())
        {
            if (HonorificRegex().Match(text[previous..start]) is { Success: true } title && title.Length == start - previous)
                starts.Remove(start);
            else
                previous = start;
        }
        return starts.Count == 0 ? [] : [.. starts];
    }

    /// <summary>"JC", "MCh", "LB-W", "SJD": initials in brackets, not a role code of the list ("(PCC)").</summary>
    private static bool IsInitials(string inner) => InitialsTokenRegex().IsMatch(inner) && !OwnerVocabulary.IsStandardCode(inner);

    /// <summary>
    /// "Chief Constable Dave Jones (DJ)", "DCC Tuckley (AT)", "Personal Assistant to the CEO Sarah Goodwin (observing)":
    /// a name closed by a bracket, with the capacity before it when there is one. Initials that spell a role code count
    /// as initials only when they are the name's own ("Pippa Mills (PM)").
    /// </summary>
    private static (int NameStart, Match Bracket, string? Initials)? NameAtBracket(string text)
    {
        var bracket = BracketRegex().Match(text);
        if (!bracket.Success)
            return null;
        var inner = bracket.Groups["inner"].Value;
        var candidate = InitialsTokenRegex().IsMatch(inner) ? inner : null;
        var start = NameStartBefore(text, bracket.Index, candidate, initialOnly: false);
        if (start is not { } s)
            return null;
        var name = TextRules.Squash(text[s..bracket.Index]);
        if (candidate is not null && OwnerVocabulary.IsStandardCode(candidate) && OwnerVocabulary.InitialsOf(name) != candidate)
            candidate = null;
        var before = text[..s].Trim();
        if (before.Length > 0 && !ContainsCapacityWord(before))
            return null;
        if (candidate is null && (before.Length == 0 || char.IsUpper(inner[0])))
            return null; // "Amanda Bowers (Exec Assistant)": an ordinary "Name (Capacity)" entry
        return (s, bracket, candidate);
    }

    private static bool ContainsCapacityWord(string text) =>
        WordRegex().Matches(text).Select(w => w.Value.Trim(',', ';', '.')).Any(w => _capacityWords.Contains(w) || _capacityWords.Contains(PossessiveRegex().Replace(w, "")));

    [GeneratedRegex(@"(?:['’]s|s['’]?)$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex PossessiveRegex();

    /// <summary>
    /// The start of the name that ends just before <paramref name="end"/>: capitalised words walked back from there.
    /// With initials, the words whose first letters match them from the end (a middle initial may be unwritten); else two
    /// words, or an initial and a surname ("F Habgood") with an optional "Dr" before it.
    /// </summary>
    private static int? NameStartBefore(string text, int end, string? initials, bool initialOnly)
    {
        var words = new List<(int Start, string Word)>();
        var i = end;
        while (words.Count < 5)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t')
                i--;
            var wordEnd = i;
            while (i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] is not (')' or '(' or '|' or ';' or ','))
                i--;
            if (i == wordEnd)
                break;
            var word = text[i..wordEnd];
            if (GlueInside(word) is { } glue)
            {
                words.Add((i + glue, word[glue..]));
                break;
            }
            words.Add((i, word));
            if (i == 0 || text[i - 1] is not (' ' or '\t'))
                break;
        }
        if (words.Count == 0)
            return null;

        if (initials is not null)
        {
            var letters = initials.Where(char.IsUpper).ToList();
            var pointer = letters.Count - 1;
            var taken = 0;
            int? start = null;
            foreach (var (wordStart, word) in words)
            {
                if (word is "–" or "-" && taken > 0)
                    continue; // "Louise Branford – White (LB-W)"
                if (!NameWordRegex().IsMatch(word) || _capacityWords.Contains(word) || pointer < 0)
                    break;
                var at = letters.LastIndexOf(char.ToUpperInvariant(word[0]), pointer);
                if (at < 0)
                    break;
                pointer = at - 1;
                taken++;
                start = wordStart;
            }
            if (taken >= 2 || (taken == 1 && (words.Count == 1 || !NameWordRegex().IsMatch(words[1].Word))))
                return start;
        }

        var first = words[0];
        if (words.Count < 2 || !IsNameWord(first.Word) || !IsNameWord(words[1].Word))
            return null;
        if (words[1].Word.Length == 1)
        {
            var s = words[1].Start; // "F Habgood", "Dr S Chase"
            return words.Count > 2 && HonorificRegex().IsMatch(words[2].Word + " ") ? words[2].Start : s;
        }
        return initialOnly ? null : words[1].Start;
    }

    private static bool IsNameWord(string word) =>
        NameWordRegex().IsMatch(word) && !_capacityWords.Contains(word.TrimEnd(',')) && !(word.Length >= 2 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Length <= 5);

    /// <summary>"EssexJane" → 5: a name glued to the end of the word before it.</summary>
    private static int? GlueInside(string word)
    {
        var glue = WordGlueRegex().Match(word + " X");
        return glue.Success && glue.Index > 0 && glue.Index < word.Length ? glue.Index : null;
    }

    [GeneratedRegex(@"\((?<inner>[^()]{1,60})\)", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex BracketRegex();

    [GeneratedRegex(@"^[ \t]*(?:\([^()]{1,20}\)[ \t]*)?[–—\-][ \t]", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex DashAfterRegex();

    [GeneratedRegex(@"(?:^|[ \t])(?:Dr\.?[ \t]+)?[A-Z]\.?[ \t]+[A-Z][\p{L}'’\-]+[ \t]*$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex InitialAndSurnameRegex();

    [GeneratedRegex(@"(?<=\S)[ \t]+[–—\-][ \t]+|(?<=\p{Ll})[–—][ \t]+", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex DashRegex();

    [GeneratedRegex(@"(?<=\))(?=\p{Lu}\p{Ll})", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex CloseBracketGlueRegex();

    [GeneratedRegex(@"(?<=\p{Ll}{4})(?=\p{Lu}\p{Ll}+[ \t]+\p{Lu})", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex WordGlueRegex();

    [GeneratedRegex(@"^[A-Z][A-Za-z]{0,2}[A-Z][a-z]?(?:-[A-Z]{1,2})?$|^[A-Z]{2}-[A-Z]$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex InitialsTokenRegex();
}
