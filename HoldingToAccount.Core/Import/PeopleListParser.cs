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
        (TitleRegex(@"deputy police,?\s+fire\s+(?:and|&)\s+crime\s+commissioner"), "DPFCC"),
        (TitleRegex(@"police,?\s+fire\s+(?:and|&)\s+crime\s+commissioner"), "PFCC"),
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

    /// <summary>A person of a list, and whether the list marks them absent.</summary>
    internal sealed record ListedPerson(DraftPerson Person, bool Absent);

    private sealed record Entry(EntryKind Kind, string? Name, string? Capacity, string? Role, string? Initials, SourceSpan NameSpan, SourceSpan? CapacitySpan);

    /// <param name="sentence">The list is a sentence ("from ACC Blatchly, ACC Pauline Sturman, and Stuart McCartney"):
    /// commas and "and" before a name separate people.</param>
    public static List<DraftPerson> Parse(IEnumerable<NoteLine> lines, List<string> warnings, string listName, bool sentence = false) =>
        ParseMarked(lines, warnings, listName, absenceMarked: false, sentence).Select(p => p.Person).ToList();

    /// <param name="absenceMarked">The list says "A – denotes absence": a name marked "A" sent apologies.</param>
    public static List<ListedPerson> ParseMarked(IEnumerable<NoteLine> lines, List<string> warnings, string listName, bool absenceMarked, bool sentence = false)
    {
        var entries = new List<Entry>();
        var absentAt = new HashSet<int>();
        var absentNext = false;
        foreach (var line in lines)
        {
            var parts = Parts(line);
            if (sentence)
                parts = parts.SelectMany(SentenceParts);
            foreach (var whole in parts)
            {
                var part = whole;
                if (absenceMarked && AbsenceMarkRegex().Match(part.Text) is { Success: true } mark)
                {
                    absentNext = true;
                    part = part.From(mark.Length);
                }
                var markedAfter = absenceMarked && TrailingAbsenceMarkRegex().Match(part.Text) is { Success: true } trailing;
                if (markedAfter)
                    part = new NoteLine(part.Start, part.Text[..TrailingAbsenceMarkRegex().Match(part.Text).Index]).From(0);
                if (Classify(part) is { } entry)
                {
                    if (absentNext && entry.Kind is EntryKind.Full or EntryKind.NameOnly)
                        absentAt.Add(entry.NameSpan.Start);
                    entries.Add(entry);
                }
                absentNext = markedAfter;
            }
        }
        return Assemble(entries, warnings, listName).Select(p => new ListedPerson(p, absentAt.Contains(p.Span.Start))).ToList();
    }

    /// <summary>True when the text starts with a person's name ("Jonathan Edwards.", "ACC Blatchly", "Dr Emily Warren").</summary>
    public static bool StartsWithName(string text)
    {
        var line = WithoutTitle(new NoteLine(0, text.Trim()));
        var words = WordRegex().Matches(line.Text).Select(w => w.Value.TrimEnd(',', '.', ';')).ToList();
        if (words.Count >= 2 && OwnerVocabulary.IsStandardCode(words[0]) && IsNameWord(words[1]))
            return true;
        return words.Count >= 2 && IsNameWord(words[0]) && IsNameWord(words[1]) && words[0].Length > 1 || (words.Count >= 2 && words[0].Length == 1 && IsNameWord(words[1]));
    }

    /// <summary>
    /// The chair and the minute taker as the attendance marks them, when no label named them: "John Campion (JC) Chair –
    /// Police &amp; Crime Commissioner", "… – Chair", "(Chair and Police &amp; Crime Commissioner)", "Rachael Thorold (minutes)",
    /// "Lisa Matthews (LM) Personal Assistant to the CEO (Minutes)".
    /// </summary>
    public static (Spanned<string>? Chair, Spanned<string>? MinuteTaker) MarkedChairAndMinuteTaker(
        IReadOnlyList<DraftPerson> people, Spanned<string>? chair, Spanned<string>? minuteTaker)
    {
        foreach (var person in people)
        {
            if (person.Capacity is not { } capacity)
                continue;
            if (chair is null && ChairMarkRegex().IsMatch(capacity))
                chair = new Spanned<string>(person.Name, person.Span);
            if (minuteTaker is null && MinutesMarkRegex().IsMatch(capacity))
                minuteTaker = new Spanned<string>(person.Name, person.Span);
        }
        return (chair, minuteTaker);
    }

    private static IEnumerable<NoteLine> SentenceParts(NoteLine part)
    {
        var text = part.Text;
        if (text.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            part = part.From(4);
            text = part.Text;
        }
        var from = 0;
        foreach (Match separator in SentenceSeparatorRegex().Matches(text))
        {
            var after = separator.Index + separator.Length;
            if (!StartsWithName(text[after..]))
                continue;
            yield return new NoteLine(part.Start + from, text[from..separator.Index]).From(0);
            from = after;
        }
        var last = new NoteLine(part.Start + from, text[from..]).From(0);
        yield return new NoteLine(last.Start, last.Text.TrimEnd('.', ';')).From(0);
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
        foreach (var cell in CellsBetweenBars(line))
        {
            foreach (var part in SeparatedParts(cell))
            {
                var starts = RunOnStarts(part.Text);
                var from = 0;
                foreach (var start in starts.Append(part.Length))
                {
                    var piece = new NoteLine(part.Start + from, part.Text[from..start]).From(0);
                    if (piece.Length > 0)
                        yield return piece;
                    from = start;
                }
            }
        }
    }

    /// <summary>"Present: | Julia Mulligan (JM) – … |": a table flattened with bars between its cells.</summary>
    private static IEnumerable<NoteLine> CellsBetweenBars(NoteLine line)
    {
        var from = 0;
        while (from <= line.Length)
        {
            var bar = line.Text.IndexOf('|', from);
            var to = bar < 0 ? line.Length : bar;
            var cell = new NoteLine(line.Start + from, line.Text[from..to]).From(0);
            if (cell.Length > 0)
                yield return cell;
            if (bar < 0)
                break;
            from = bar + 1;
        }
    }

    private static IEnumerable<NoteLine> SeparatedParts(NoteLine line)
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
        if (entry is null && prefixRole is not null && SurnameOnlyRegex().Match(body.Text) is { Success: true } surname)
        {
            // "ACC Ingram": a role code and a surname
            var name = surname.Groups["name"];
            return new Entry(EntryKind.Full, name.Value, null, prefixRole, null, new SourceSpan(body.Start + name.Index, name.Length), null);
        }
        if (entry is null || prefixRole is null)
            return entry;
        return entry with { Role = entry.Role ?? prefixRole, Kind = entry.Kind == EntryKind.NameOnly ? EntryKind.Full : entry.Kind };
    }

    private static Entry? ClassifyName(NoteLine body)
    {
        if (NameAtBracket(body.Text) is var (nameStart, bracket, bracketInitials)
            && (nameStart > 0 || !InitialsRegex().IsMatch(body.Text)))
        {
            var nameText = body.Text[nameStart..bracket.Index].TrimEnd();
            var before = new NoteLine(body.Start, body.Text[..nameStart]).From(0);
            var after = body.From(bracket.Index + bracket.Length);
            if (bracketInitials is null)
                after = body.From(bracket.Index); // "(observing)" stays with the capacity
            var capacityPart = before.Length > 0 ? before : after;
            var (heldCapacity, heldCode, heldSpan) = Capacity(capacityPart, marked: true);
            if (before.Length > 0 && bracketInitials is null && after.Length > 0)
                heldCapacity = heldCapacity is null ? null : $"{heldCapacity} {TextRules.Squash(after.Text).TrimEnd('.', ';')}";
            return new Entry(heldCapacity is null && heldCode is null ? EntryKind.NameOnly : EntryKind.Full, TextRules.Squash(nameText), heldCapacity, heldCode, bracketInitials,
                new SourceSpan(body.Start + nameStart, nameText.Length), heldSpan);
        }

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
        new(@"\b(?:" + title + @")\b(?!['’])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(TextRules.RegexTimeoutMs));

    [GeneratedRegex(@"^(?<name>[A-Z][\p{L}'’\-]+)[ \t]*[.,;]?$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex SurnameOnlyRegex();

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?|\s+and\s+", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex SentenceSeparatorRegex();

    [GeneratedRegex(@"^A[ \t]+(?=[A-Z][\p{L}'’\-]+[ \t]+[A-Z])", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex AbsenceMarkRegex();

    [GeneratedRegex(@"[ \t]A$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex TrailingAbsenceMarkRegex();

    [GeneratedRegex(@"^\(?chair(?:man|woman|person)?\b(?!\s+of\b)|(?<!\b(?:vice|deputy)[ \t]*)(?:[–—\-,][ \t]*|\()chair(?:man|woman|person)?\)?[ \t.;]*$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex ChairMarkRegex();

    [GeneratedRegex(@"\(minutes?\)|^minutes?$|^minute[- ]?taker$|^\(?notes?[- ]?taker\)?$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex MinutesMarkRegex();

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

    [GeneratedRegex(@"^(?<name>(?:[A-Z][\p{L}'’\-]+(?:[ \t]+[–\-])?[ \t]+){1,3}[A-Z][\p{L}'’\-]+)[ \t]*\((?<ini>[A-Z][A-Za-z]{0,2}[A-Z][a-z]?(?:-[A-Z]{1,2})?)\)[ \t]*(?:[-–—,:][ \t]*)?(?<rest>.*)$", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex InitialsRegex();

    [GeneratedRegex(@"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Prof|Professor|Sir|Dame|Lady|Rev|Revd|Lord|Baroness|(?:[TAD]/)?(?:Ch(?:ief)?\.?\s*)?(?:Supt|Superintendent|Insp|Inspector)|C/Supt|Det(?:ective)?|DCI|DI|DS|DC|PC|PS|Sgt|Sergeant)\.?[ \t]+)+",
        TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex HonorificRegex();

    [GeneratedRegex(@"^(?<code>(?:[TA]/)?[A-Z]{2,5})[ \t]+(?=[A-Z][a-z][\p{L}'’\-]*(?:[ \t]+[A-Z]|[ \t]*\(|[ \t]*[,;.]?$))", TextRules.Options, TextRules.RegexTimeoutMs)]
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
