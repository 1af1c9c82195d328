using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// Attendance whose heading was lost in extraction: runs of lines that each name one person ("Pippa Mills (PM) – Chief
/// Constable", "Stephen Mold (PCC)", "Paul Bullen") or a group ("Police:Shaun Sawyer, Jim Pearce"). Blank lines wider than
/// those inside a run split it into lists.
/// </summary>
internal static partial class PeopleListParser
{
    /// <summary>The unlabelled lists of people among <paramref name="lines"/>, in order; each has two people or more.</summary>
    public static List<List<NoteLine>> UnlabelledLists(string text, IReadOnlyList<NoteLine> lines)
    {
        var lists = new List<List<NoteLine>>();
        var run = new List<NoteLine>();
        var strong = false;
        void Close()
        {
            foreach (var list in SplitAtWideGaps(text, run))
            {
                if (list.Count >= 2 && strong)
                    lists.Add(list);
            }
            run = [];
            strong = false;
        }

        foreach (var line in lines)
        {
            var kind = PersonLineKind(line);
            if (kind == 0)
            {
                Close();
                continue;
            }
            strong |= kind == 2;
            run.Add(line);
        }
        Close();
        return lists;
    }

    /// <summary>
    /// 0: not a line of one person; 1: a bare name ("Paul Bullen"); 2: a person with initials, a role code or a dashed
    /// capacity ("Jonny Bugg (JB)", "PFCC Stephen Mold (SM)", "Alun Michael– Police and Crime Commissioner (Chair);"),
    /// or a group of names ("OPCC:Tony Hogg, Andrew White").
    /// </summary>
    private static int PersonLineKind(NoteLine line)
    {
        if (GroupLine(line) is not null)
            return 2;
        if (HeaderReader.StartsWithLabel(line) || DateTimeText.FindDate(line.Text) is not null || line.Length > 200)
            return 0;
        var part = TextRules.TryStripBullet(line, out var unbulleted) ? unbulleted : line;
        if (Classify(part) is not { Kind: EntryKind.Full or EntryKind.NameOnly } entry || entry.Name is null)
            return 0;
        var nameEnd = entry.NameSpan.End - part.Start;
        if (entry.NameSpan.Start != part.Start && entry.Role is null && entry.Initials is null)
            return 0;
        var rest = nameEnd >= 0 && nameEnd <= part.Length ? part.Text[nameEnd..].Trim() : "";
        if (entry.Initials is not null || entry.Role is not null || DashStartRegex().IsMatch(rest))
            return 2;
        return rest.Trim('.', ';').Length == 0 && entry.Name.Split(' ').Length is >= 2 and <= 4 ? 1 : 0;
    }

    private static IEnumerable<List<NoteLine>> SplitAtWideGaps(string text, List<NoteLine> run)
    {
        if (run.Count == 0)
            yield break;
        var gaps = new int[run.Count];
        for (var i = 1; i < run.Count; i++)
            gaps[i] = text.AsSpan(run[i - 1].Start + run[i - 1].Length, run[i].Start - run[i - 1].Start - run[i - 1].Length).Count('\n');
        var narrowest = run.Count > 1 ? gaps.Skip(1).Min() : 0;
        var list = new List<NoteLine> { run[0] };
        for (var i = 1; i < run.Count; i++)
        {
            if (gaps[i] > narrowest && gaps[i] >= 2)
            {
                yield return list;
                list = [];
            }
            list.Add(run[i]);
        }
        yield return list;
    }

    /// <summary>"Police:Shaun Sawyer, Jim Pearce, Richard Bullock": the group label is each person's capacity.</summary>
    public static List<DraftPerson>? GroupLine(NoteLine line)
    {
        var match = GroupLineRegex().Match(line.Text);
        if (match.Success && HeaderReader.StartsWithLabel(line))
            return null;
        if (!match.Success)
            return null;
        var group = match.Groups["group"];
        var people = new List<DraftPerson>();
        foreach (Capture name in match.Groups["name"].Captures)
        {
            people.Add(new DraftPerson(name.Value, group.Value, null, null, new SourceSpan(line.Start + name.Index, name.Length),
                new SourceSpan(line.Start + group.Index, group.Length)));
        }
        return people;
    }

    private const string _groupName = @"(?<name>(?:Dr\.?[ \t]+)?[A-Z][\p{L}'’\-]+(?:[ \t]+[A-Z][\p{L}'’\-]+){1,2})";

    [GeneratedRegex(@"^(?<group>[A-Z][\p{L}&]*(?:[ \t]+[A-Z&][\p{L}&]*){0,2})[ \t]*:[ \t]*" + _groupName + @"(?:[ \t]*,[ \t]*(?:and[ \t]+)?" + _groupName + @"){1,}[ \t]*\.?$",
        TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex GroupLineRegex();

    [GeneratedRegex(@"^[–—\-]|^\(", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex DashStartRegex();
}
