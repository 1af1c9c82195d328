using System.Text.RegularExpressions;
using HoldingToAccount.Core.People;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// Reads an attendance or apologies list: "Name Capacity (CODE)" lines, "• Name (JC) – Capacity" bullets,
/// "Name, Capacity" pairs, comma lists with codes in brackets, and names and capacities scrambled into two separate
/// lists by PDF extraction (paired in order, with a warning).
/// </summary>
internal static partial class PeopleListParser
{
    private static readonly HashSet<string> _capacityWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "police", "deputy", "chief", "assistant", "temporary", "acting", "head", "director", "policy", "staff", "senior",
        "commissioner", "superintendent", "inspector", "sergeant", "officer", "manager", "executive", "treasurer", "finance",
        "interim", "detective", "governance", "member", "independent", "lay", "solicitor", "monitoring", "communications",
        "business", "strategic", "performance", "programme", "secretary", "clerk", "chair", "vice", "lead", "analyst",
        "adviser", "advisor", "researcher", "coordinator", "co-ordinator", "representative", "observer", "minutes",
    };

    private static readonly (Regex Title, string Code)[] _titles =
    [
        (TitleRegex("deputy police and crime commissioner"), "DPCC"),
        (TitleRegex("police and crime commissioner"), "PCC"),
        (TitleRegex("deputy chief constable"), "DCC"),
        (TitleRegex("assistant chief constable"), "ACC"),
        (TitleRegex("chief constable"), "CC"),
        (TitleRegex("deputy chief executive"), "DCEX"),
        (TitleRegex("chief executive"), "CEX"),
        (TitleRegex("chief finance officer|treasurer"), "CFO"),
        (TitleRegex("staff officer"), "SO"),
        (TitleRegex("senior policy manager"), "SPM"),
        (TitleRegex("policy manager"), "PM"),
        (TitleRegex("policy officer"), "PO"),
    ];

    private enum EntryKind
    {
        Full,
        NameOnly,
        CapacityOnly,
        CodeOnly,
    }

    private sealed record Entry(EntryKind Kind, string? Name, string? Capacity, string? Role, string? Initials, SourceSpan NameSpan, SourceSpan? CapacitySpan);

    public static List<DraftPerson> Parse(IEnumerable<NoteLine> lines, List<string> warnings, string listName)
    {
        var entries = new List<Entry>();
        foreach (var line in lines)
        {
            foreach (var part in Parts(line))
            {
                if (Classify(part) is { } entry)
                    entries.Add(entry);
            }
        }
        return Assemble(entries, warnings, listName);
    }

    private static List<DraftPerson> Assemble(List<Entry> entries, List<string> warnings, string listName)
    {
        var people = new List<DraftPerson>();
        var waitingNames = new Queue<Entry>();
        var pairedInOrder = 0;
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case EntryKind.Full:
                    FlushNames(people, waitingNames);
                    people.Add(Person(entry, entry));
                    break;
                case EntryKind.NameOnly:
                    waitingNames.Enqueue(entry);
                    break;
                case EntryKind.CapacityOnly when waitingNames.Count > 0:
                    people.Add(Person(waitingNames.Dequeue(), entry));
                    pairedInOrder++;
                    break;
                case EntryKind.CapacityOnly when people.Count > 0 && people[^1].Capacity is null:
                    people[^1] = people[^1] with { Capacity = entry.Capacity, Role = entry.Role, CapacitySpan = entry.CapacitySpan };
                    break;
                case EntryKind.CodeOnly when people.Count > 0:
                    people[^1] = people[^1] with { Role = entry.Role };
                    break;
                default:
                    break;
            }
        }
        FlushNames(people, waitingNames);
        if (pairedInOrder > 1)
        {
            warnings.Add($"The {listName} list gives the names and the capacities as two separate lists; they were paired in the order written: check who holds which role.");
        }
        return people;
    }

    private static void FlushNames(List<DraftPerson> people, Queue<Entry> names)
    {
        while (names.Count > 0)
        {
            var name = names.Dequeue();
            people.Add(new DraftPerson(name.Name!, null, null, name.Initials, name.NameSpan, null));
        }
    }

    private static DraftPerson Person(Entry name, Entry capacity) =>
        new(name.Name!, capacity.Capacity, capacity.Role ?? name.Role, name.Initials, name.NameSpan, capacity.CapacitySpan);

    /// <summary>One line may list several people: "A (PCC), B (CC) and C (DCC)" or "A; B".</summary>
    private static IEnumerable<NoteLine> Parts(NoteLine line)
    {
        var text = line.Text;
        var separators = text.Contains(';', StringComparison.Ordinal)
            ? ListSemicolonRegex()
            : CodeGroupRegex().Count(text) >= 2 ? ListCommaRegex() : null;
        if (separators is null)
        {
            yield return line;
            yield break;
        }
        var from = 0;
        foreach (Match separator in separators.Matches(text))
        {
            yield return new NoteLine(line.Start + from, text[from..separator.Index]).From(0);
            from = separator.Index + separator.Length;
        }
        yield return new NoteLine(line.Start + from, text[from..]).From(0);
    }

    private static Entry? Classify(NoteLine part)
    {
        if (TextRules.TryStripBullet(part, out var unbulleted))
            part = unbulleted;
        if (part.Length == 0 || ColumnHeaderRegex().IsMatch(part.Text) || TextRules.SaysNone(part.Text))
            return null;

        if (CodeOnlyRegex().Match(part.Text) is { Success: true } codeOnly)
            return new Entry(EntryKind.CodeOnly, null, null, RoleCodes.Normalise(codeOnly.Groups["code"].Value), null, part.Span, part.Span);

        var body = WithoutTitle(part);
        string? prefixRole = null;
        if (RolePrefixRegex().Match(body.Text) is { Success: true } prefix && OwnerVocabulary.IsStandardCode(prefix.Groups["code"].Value))
        {
            prefixRole = RoleCodes.Normalise(prefix.Groups["code"].Value); // "ACC Lee Brooks"
            body = body.From(prefix.Length);
        }
        return Classify(body, prefixRole);
    }

    private static Entry? Classify(NoteLine body, string? prefixRole)
    {
        var entry = ClassifyName(body);
        if (entry is null || prefixRole is null)
            return entry;
        return entry with { Role = entry.Role ?? prefixRole, Kind = entry.Kind == EntryKind.NameOnly ? EntryKind.Full : entry.Kind };
    }

    private static Entry? ClassifyName(NoteLine body)
    {

        string? initials = null;
        // "(JC)" after a name is its initials — also when they spell a role code, if they are the name's initials ("Pippa Mills (PM)").
        if (InitialsRegex().Match(body.Text) is { Success: true } withInitials
            && (!OwnerVocabulary.IsStandardCode(withInitials.Groups["ini"].Value)
                || (withInitials.Groups["ini"].Value == OwnerVocabulary.InitialsOf(TextRules.Squash(withInitials.Groups["name"].Value))
                    && !LooksLikeCapacity(withInitials.Groups["name"].Value))))
        {
            initials = withInitials.Groups["ini"].Value;
            var name = withInitials.Groups["name"];
            var rest = body.From(withInitials.Groups["rest"].Index);
            var (capacity, role, capacitySpan) = Capacity(rest, marked: true);
            return new Entry(capacity is null && role is null ? EntryKind.NameOnly : EntryKind.Full, TextRules.Squash(name.Value), capacity, role, initials,
                new SourceSpan(body.Start + name.Index, name.Length), capacitySpan);
        }

        var (nameLength, capacityStart) = SplitName(body.Text);
        if (nameLength == 0)
        {
            var (capacity, role, span) = Capacity(body, marked: false);
            return capacity is null && role is null ? null : new Entry(EntryKind.CapacityOnly, null, capacity, role, null, body.Span, span);
        }
        var personName = TextRules.Squash(body.Text[..nameLength]).TrimEnd(',');
        var nameSpan = new SourceSpan(body.Start, nameLength);
        if (capacityStart >= body.Text.Length)
            return new Entry(EntryKind.NameOnly, personName, null, null, null, nameSpan, null);
        // "Name – Capacity", "Name, Capacity", "Name<tab>Capacity", "Name (Capacity)": whatever follows the mark is the capacity.
        var marked = MarkRegex().IsMatch(body.Text[nameLength..capacityStart]) || body.Text[capacityStart] == '(';
        var (cap, code, capSpan) = Capacity(body.From(capacityStart), marked);
        return new Entry(cap is null && code is null ? EntryKind.NameOnly : EntryKind.Full, personName, cap, code, null, nameSpan, capSpan);
    }

    /// <summary>"Det Ch Insp Emma Clarke …" → "Emma Clarke …": the name without the titles written before it.</summary>
    public static NoteLine WithoutTitle(NoteLine line) =>
        HonorificRegex().Match(line.Text) is { Success: true } honorific && honorific.Length < line.Length ? line.From(honorific.Length) : line;

    /// <summary>Where the name ends and the capacity starts: at a separator, or at the first word of a job title.</summary>
    private static (int NameLength, int CapacityStart) SplitName(string text)
    {
        var words = WordRegex().Matches(text);
        var nameWords = 0;
        var nameEnd = 0;
        foreach (Match word in words)
        {
            var value = word.Value.TrimEnd(',', ':');
            var gap = text[nameEnd..word.Index];
            if (nameWords > 0 && (gap.Contains('\t', StringComparison.Ordinal) || SeparatorRegex().IsMatch(gap) || text[nameEnd - 1] == ','))
                break;
            if (value.Contains('/', StringComparison.Ordinal) || _capacityWords.Contains(value) || !NameWordRegex().IsMatch(value))
                break;
            nameWords++;
            nameEnd = word.Index + word.Value.TrimEnd(',', ':').Length;
            if (nameWords == 4)
                break;
        }
        if (nameWords < 2)
            return (0, 0);
        var rest = nameEnd;
        while (rest < text.Length && (char.IsWhiteSpace(text[rest]) || text[rest] is ',' or '-' or '–' or '—' or ':'))
            rest++;
        return (nameEnd, rest);
    }

    /// <param name="marked">The capacity is set off from the name (a dash, comma, tab or brackets), so it need not start with a job-title word.</param>
    private static (string? Capacity, string? Role, SourceSpan? Span) Capacity(NoteLine text, bool marked)
    {
        if (text.Length == 0)
            return (null, null, null);
        string? role = null;
        var capacity = text.Text;
        if (TrailingCodeRegex().Match(capacity) is { Success: true } code)
        {
            role = RoleCodes.Normalise(code.Groups["code"].Value);
            capacity = capacity[..code.Index];
        }
        capacity = TextRules.Squash(capacity).Trim(' ', ',', '-', '–', '—', ':', '.');
        if (capacity.Length > 2 && capacity[0] == '(' && capacity[^1] == ')' && capacity.IndexOf(')', StringComparison.Ordinal) == capacity.Length - 1)
            capacity = capacity[1..^1].Trim(); // "(Head of Protecting Vulnerable People)"
        if (capacity.Length == 0)
            return (null, role, role is null ? null : text.Span);
        if (role is null && CodeOnlyRegex().IsMatch($"({capacity})") && OwnerVocabulary.IsStandardCode(capacity))
            return (null, RoleCodes.Normalise(capacity), text.Span); // "John Campion – PCC", "Julian Moss – T/DCC"
        var setOff = marked && (char.IsUpper(capacity[0]) || capacity[0] == '(') && TextRules.LetterCount(capacity) >= 3;
        if (!setOff && !LooksLikeCapacity(capacity) && role is null)
            return (null, null, null);
        role ??= CodeForTitle(capacity);
        return (capacity, role, text.Span);
    }

    private static bool LooksLikeCapacity(string capacity)
    {
        var first = WordRegex().Match(capacity);
        return first.Success && (_capacityWords.Contains(first.Value.TrimEnd(',')) || first.Value.Contains('/', StringComparison.Ordinal)
            || _titles.Any(t => t.Title.IsMatch(capacity)));
    }

    /// <summary>The role of the first title the capacity names: "Staff Officer to the Chief Constable" is the SO.</summary>
    private static string? CodeForTitle(string capacity)
    {
        Match? first = null;
        string? firstCode = null;
        foreach (var (title, candidate) in _titles)
        {
            var found = title.Match(capacity);
            if (found.Success && (first is null || found.Index < first.Index))
                (first, firstCode) = (found, candidate);
        }
        if (first is { } match && firstCode is { } code)
        {
            var before = capacity[..match.Index];
            if (TemporaryRegex().IsMatch(before))
                return "T/" + code;
            if (ActingRegex().IsMatch(before))
                return "A/" + code;
            return code;
        }
        return null;
    }

    private static Regex TitleRegex(string title) =>
        new(@"\b(?:" + title + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(TextRules.RegexTimeoutMs));

    [GeneratedRegex(@"^\(?(?<code>[\p{L}]{1,2}/[\p{L}]{2,5}|[\p{L}]{2,6})\)\.?$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex CodeOnlyRegex();

    [GeneratedRegex(@"\((?<code>[\p{L}]{1,2}/[\p{L}]{2,5}|[\p{L}]{2,6})\)\s*\.?$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex TrailingCodeRegex();

    [GeneratedRegex(@"\((?:[\p{L}]{1,2}/)?[\p{L}]{2,6}\)", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex CodeGroupRegex();

    [GeneratedRegex(@"\s*;\s*(?:and\s+)?", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex ListSemicolonRegex();

    [GeneratedRegex(@"(?<=\))\s*(?:,\s*(?:and\s+)?|\s+and\s+)", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex ListCommaRegex();

    [GeneratedRegex(@"^(?<name>(?:[A-Z][\p{L}'’\-]+[ \t]+){1,3}[A-Z][\p{L}'’\-]+)[ \t]*\((?<ini>[A-Z]{2,4})\)[ \t]*(?:[-–—,:][ \t]*)?(?<rest>.*)$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex InitialsRegex();

    [GeneratedRegex(@"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Prof|Professor|Sir|Dame|Lady|Rev|Revd|Lord|Baroness|(?:[TA]/)?(?:Ch(?:ief)?\.?\s*)?(?:Supt|Superintendent|Insp|Inspector)|C/Supt|Det(?:ective)?|DCI|DI|DS|DC|PC|PS|Sgt|Sergeant)\.?[ \t]+)+",
        TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex HonorificRegex();

    [GeneratedRegex(@"^(?<code>(?:[TA]/)?[A-Z]{2,4})[ \t]+(?=[A-Z][a-z][\p{L}'’\-]*[ \t]+[A-Z])", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex RolePrefixRegex();

    [GeneratedRegex(@"[\t,:\-–—]", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex MarkRegex();

    [GeneratedRegex(@"^name\s*:?\s*(?:capacity|role|title|position|organisation)?\s*:?$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex ColumnHeaderRegex();

    [GeneratedRegex(@"[^\s]+", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"^(?:[A-Z][\p{L}'’\-]*|de|van|von|der|la|le|da|di|O’[A-Z][\p{L}]+|O'[A-Z][\p{L}]+)$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex NameWordRegex();

    [GeneratedRegex(@"\s[-–—]\s|,", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"(?:\bT\s*/\s*|\btemporary\s+)$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex TemporaryRegex();

    [GeneratedRegex(@"(?:\bA\s*/\s*|\bacting\s+)$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex ActingRegex();
}
