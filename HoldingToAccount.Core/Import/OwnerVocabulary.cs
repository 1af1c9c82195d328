using System.Text.RegularExpressions;
using HoldingToAccount.Core.People;

namespace HoldingToAccount.Core.Import;

/// <summary>Owners found in the text, as role codes where the notes give or imply one, else as written.</summary>
internal sealed record OwnerMatch(IReadOnlyList<string> Owners, SourceSpan Span, bool ForceTakenAsCc);

/// <summary>
/// Knows what may own an action in one set of notes: the usual role codes, the roles and initials of the people listed
/// as attending, "ALL" and "the Force". Look-alike letters in codes are folded by <see cref="RoleCodes.Normalise"/>.
/// </summary>
internal sealed partial class OwnerVocabulary
{
    private static readonly HashSet<string> _standardCodes = new(StringComparer.Ordinal)
    {
        "PCC", "DPCC", "PFCC", "DPFCC", "CC", "DCC", "ACC", "CEX", "CFO", "SO", "PO", "PM", "SPM", "ALL", "OPCC", "DCEX", "CO",
    };

    private readonly HashSet<string> _codes = new(_standardCodes, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _initials = new(StringComparer.Ordinal);

    public OwnerVocabulary(IEnumerable<DraftPerson> people)
    {
        var list = people.ToList();
        var held = list.Select(p => p.Role).OfType<string>().Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
        _codes.UnionWith(held);
        foreach (var person in list)
        {
            // Initials written in the list name the person even when they spell a code nobody here holds
            // ("Pippa Mills (PM)" with no policy manager present); initials worked out from a name never hide a code.
            if (person.Initials is { Length: >= 2 } written && !held.Contains(written))
                _initials.TryAdd(written, person.Role ?? written);
            else if (InitialsOf(person.Name) is { Length: >= 2 } derived && !_codes.Contains(derived))
                _initials.TryAdd(derived, person.Role ?? derived);
        }
    }

    /// <summary>True for a standard role code ("CC", "T/DCC"), whatever the notes say.</summary>
    public static bool IsStandardCode(string token)
    {
        var code = RoleCodes.Normalise(token);
        return _standardCodes.Contains(StripTemporary(code));
    }

    /// <summary>A whole line that is only owners: "CC", "PCC/CC", "Owner: DCC", "JC / AB", "the Force".</summary>
    public OwnerMatch? MatchOwnerOnly(NoteLine line)
    {
        var match = OwnerOnlyRegex().Match(line.Text);
        return match.Success ? Resolve(match.Groups["list"], line.Start) : null;
    }

    /// <summary>An action sentence whose subject is its owner: "PCC / CC to discuss …", "The Force will …".</summary>
    public OwnerMatch? MatchSubject(NoteLine line)
    {
        var match = SubjectRegex().Match(line.Text);
        return match.Success ? Resolve(match.Groups["list"], line.Start) : null;
    }

    /// <summary>
    /// Owners closing a line of action text, and where they start: in brackets ("… by 31 January 2018 (ACC)"), after a
    /// dash ("… by March 2018 – DCC") or after a label ("… at the next meeting. Owner – PCC").
    /// </summary>
    public (OwnerMatch Owners, int Start)? MatchTrailing(NoteLine line)
    {
        var match = TrailingRegex().Match(line.Text);
        return match.Success && match.Index > 0 && Resolve(match.Groups["list"], line.Start) is { } owners ? (owners, match.Index) : null;
    }

    private OwnerMatch? Resolve(Group list, int lineStart)
    {
        var owners = new List<string>();
        var force = false;
        foreach (Match token in TokenRegex().Matches(list.Value))
        {
            var written = token.Value;
            if (written.Equals("and", StringComparison.OrdinalIgnoreCase))
                continue;
            if (written.EndsWith("force", StringComparison.OrdinalIgnoreCase))
            {
                force = true;
                Add(owners, "CC");
                continue;
            }
            if (Code(written) is not { } code)
                return null;
            Add(owners, code);
        }
        return owners.Count == 0 ? null : new OwnerMatch(owners, new SourceSpan(lineStart + list.Index, list.Length), force);
    }

    private string? Code(string written)
    {
        var code = RoleCodes.Normalise(written.Replace(" ", "", StringComparison.Ordinal));
        if (!char.IsUpper(written[0]))
            return null;
        // Initials must be written in capitals ("JC"); they stand for the person's role when the list gave one.
        if (written.All(c => !char.IsLetter(c) || char.IsUpper(c)) && _initials.TryGetValue(code, out var role))
            return role;
        return _codes.Contains(code) || _codes.Contains(StripTemporary(code)) ? code : null;
    }

    private static string StripTemporary(string code) =>
        code.Length > 2 && code[1] == '/' && code[0] is 'T' or 'A' ? code[2..] : code;

    private static void Add(List<string> owners, string code)
    {
        if (!owners.Contains(code))
            owners.Add(code);
    }

    /// <summary>"Pippa Mills" → "PM": the initials of a name of two to four words.</summary>
    public static string? InitialsOf(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 4)
            return null;
        return string.Concat(parts.Select(p => char.ToUpperInvariant(p[0])));
    }

    private const string _token = @"(?:the\s+)?force|\p{L}\s*/\s*\p{L}{2,6}|\p{L}{2,6}";
    private const string _separator = @"\s*(?:/|,|&|\+|\band\b)\s*";
    private const string _list = "(?<list>(?:" + _token + ")(?:" + _separator + "(?:" + _token + "))*)";

    [GeneratedRegex(@"^(?:(?:owners?|lead|responsible|action\s+(?:by|owner)|by)\s*[:\-–—]?\s*)?\(?" + _list + @"\)?\s*[.;]?$",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex OwnerOnlyRegex();

    [GeneratedRegex(@"^(?:the\s+)?" + _list + @"\s+(?:to|will|should|must|shall|is\s+to|are\s+to|(?:has|have)?\s*agreed\s+to|undertook\s+to|were\s+asked\s+to|was\s+asked\s+to)\b",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex SubjectRegex();

    [GeneratedRegex(@"(?:\s*\(\s*(?:(?:owners?|lead|action\s+by)\s*[:\-–—]?\s*)?" + _list + @"\s*\)|\s+[-–—]\s*" + _list + @"|\s+(?:owners?|lead|action\s+by)\s*[:\-–—]\s*" + _list + @")\s*[.;]?$",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex TrailingRegex();

    [GeneratedRegex(_token, TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex TokenRegex();
}
