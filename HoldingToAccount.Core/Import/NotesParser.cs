using System.Text.RegularExpressions;
using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// The rule-based, deterministic notes parser: normalised notes in, a reviewable <see cref="ImportDraft"/> out. No
/// network, no model; the same text always gives the same draft. Every regular expression runs under a timeout, and
/// input that would take too long is refused with a <see cref="DomainException"/>.
/// </summary>
public static partial class NotesParser
{
    public static ImportDraft Parse(NotesText notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        try
        {
            return ParseLines(notes);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new DomainException("The notes are laid out in a way that takes too long to read; save them as plain text and try again.");
        }
    }

    private static ImportDraft ParseLines(NotesText notes)
    {
        var warnings = new List<string>();
        var lines = notes.Lines;
        var bodyStart = BodyStart(lines);
        var header = HeaderReader.Read(lines.Take(bodyStart).ToList(), warnings, notes.Text);
        if (!header.AttendanceLabelled)
            header = WithUnlabelledAttendance(header, notes.Text, lines, bodyStart, warnings);
        if (header.Apologies.Count == 0)
            header.Apologies.AddRange(HeaderReader.ApologiesInBody(lines.Skip(bodyStart), warnings));
        var body = new BodyReader(new OwnerVocabulary(header.Attendees.Concat(header.Apologies)));
        for (var i = bodyStart; i < lines.Count; i++)
            body.Read(lines[i]);
        body.TakeUnlabelledTasksIfNoActions(warnings);

        var date = header.Date;
        var nextMeeting = NextMeeting(body.NextMeetingLines.Concat(body.NextMeetingMentions)
            .Concat(lines.Take(bodyStart).Where(l => TextRules.MentionsNextMeeting(l.Text))), date?.Value);

        if (header.Title is null)
            warnings.Add("No title was found at the top of the notes.");
        if (date is null)
            warnings.Add("The meeting date was not found: set it before committing.");
        else if (header.StartTime is null)
            warnings.Add("The meeting start time was not found.");

        var raisedOn = date?.Value ?? nextMeeting?.Date?.AddMonths(-1);
        var actions = Finish(body, raisedOn, date is not null, nextMeeting, warnings);

        return new ImportDraft(notes.Text, header.Title, date, header.StartTime, header.Venue, header.Chair, header.MinuteTaker,
            header.Attendees, header.Apologies, body.Items, actions, nextMeeting, warnings);
    }

    /// <summary>
    /// Attendance written with no heading, in the header or at the top of the first item ("1. Welcome and introductions"
    /// over a list of names). The attendance list ends with its minute taker: a list after that one is not read as
    /// attendance (it is most often the apologies, but the notes do not say so) and is named in a warning.
    /// </summary>
    private static NotesHeader WithUnlabelledAttendance(NotesHeader header, string text, IReadOnlyList<NoteLine> lines, int bodyStart, List<string> warnings)
    {
        var end = bodyStart;
        while (end < lines.Count && !IsProse(lines[end]))
            end++;
        var lists = PeopleListParser.UnlabelledLists(text, lines.Take(end).ToList());
        if (lists.Count == 0)
            return header;
        var attendees = new List<DraftPerson>();
        var read = 0;
        foreach (var list in lists)
        {
            if (attendees.Count > 0 && PeopleListParser.MarkedChairAndMinuteTaker(attendees, null, null).MinuteTaker is not null)
            {
                var unplaced = PeopleListParser.Parse(list, [], "unlabelled");
                warnings.Add($"A second list of names without a heading follows the attendance ({string.Join(", ", unplaced.Select(p => p.Name))}); "
                    + "the notes do not say whether they attended or sent apologies, so they were not read: add them before committing.");
                continue;
            }
            read++;
            foreach (var line in list)
                attendees.AddRange(PeopleListParser.GroupLine(line) ?? PeopleListParser.Parse([line], warnings, "attendance"));
        }
        if (read > 1)
            warnings.Add($"The attendance was read from {read} lists of names without headings: check that none of them is the apologies.");
        // The chair or minute taker named under a label of their own joins the list unless it already names them.
        attendees.AddRange(header.Attendees.Where(p => !attendees.Any(a => a.Name == p.Name)));
        var (chair, minuteTaker) = PeopleListParser.MarkedChairAndMinuteTaker(attendees, header.Chair, header.MinuteTaker);
        return header with { Attendees = attendees, Chair = chair, MinuteTaker = minuteTaker };
    }

    /// <summary>A sentence of the minutes ("SM welcomed the meeting.", "• Minutes accepted."): the header is over.</summary>
    private static bool IsProse(NoteLine line)
    {
        var bulleted = TextRules.TryStripBullet(line, out var content);
        if (!bulleted && !TextRules.EndsSentence(line.Text))
            return false;
        if (HeaderReader.StartsWithLabel(content) || DateTimeText.FindDate(content.Text) is not null)
            return false;
        var words = content.Text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < (bulleted ? 2 : 4))
            return false;
        var lower = words.Count(w => char.IsLower(w[0]));
        return lower * 5 >= words.Length * 2;
    }

    /// <summary>
    /// The first line of the agenda: a numbered heading, a number on its own, an action marker, or — once the header has
    /// given the date — a heading in capitals on a line of its own (notes whose items are not numbered).
    /// </summary>
    private static int BodyStart(IReadOnlyList<NoteLine> lines)
    {
        var dated = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == 0 && DateTimeText.FindDate(lines[i].Text) is not null)
            {
                dated = true;
                continue; // a title with the date in it, however long ("… MINUTES OF THE LEVEL 1 MEETING … 26 NOVEMBER 2018 …")
            }
            var heading = HeadingRecogniser.Recognise(lines[i]);
            if (heading is { Kind: HeadingKind.Section or HeadingKind.BareNumber or HeadingKind.Numbered })
                return i;
            if (dated && heading is { Kind: HeadingKind.Unnumbered, TitleIsCaps: true } && heading.Span.Length == lines[i].Length)
                return i;
            dated |= DateTimeText.FindDate(lines[i].Text) is not null;
            if (BodyMarkerRegex().IsMatch(lines[i].Text) || (i > 0 && IsProse(lines[i])))
                return i;
        }
        return lines.Count;
    }

    private static List<DraftAction> Finish(BodyReader body, DateOnly? raisedOn, bool dateKnown, DraftNextMeeting? nextMeeting, List<string> warnings)
    {
        var actions = new List<DraftAction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pending in body.Actions)
        {
            if (pending.Lines.Count == 0)
                continue;
            var (joined, toSource) = pending.Joined();
            var text = TextRules.Squash(joined);
            if (pending.Status == DraftActionStatus.Deferred && body.Items.LastOrDefault(i => i.Number == pending.ItemNumber) is { } item)
                text = $"{item.Title} – {text}";
            if (!seen.Add(TextRules.Comparable(text)))
            {
                warnings.Add($"The action \"{Short(text)}\" appears twice in the notes; it was read once.");
                continue;
            }

            var due = Due(joined, toSource, pending.LeadIn, raisedOn, dateKnown, nextMeeting, text, warnings);
            if (pending.Owners.Count == 0 && pending.Status != DraftActionStatus.Deferred)
                warnings.Add($"No owner is written for the action \"{Short(text)}\"{ItemSuffix(pending.ItemNumber)}: choose one before committing.");
            if (pending.ForceTakenAsCc)
                warnings.Add($"\"The Force\" was taken to mean the CC for the action \"{Short(text)}\".");

            actions.Add(new DraftAction(text, pending.Owners.ToList(), pending.ItemNumber, pending.BroughtForward, pending.Status, due,
                pending.Span, pending.OwnerSpan, pending.Updates.ToList()));
        }
        return actions;
    }

    private static DraftDue Due(string joined, Func<int, int> toSource, NoteLine? leadIn, DateOnly? raisedOn, bool dateKnown,
        DraftNextMeeting? nextMeeting, string text, List<string> warnings)
    {
        var reference = raisedOn ?? new DateOnly(2000, 1, 1);
        var found = DuePhraseParser.Parse(joined, reference);
        var span = found.Kind == DueTargetKind.Unrecognised ? (SourceSpan?)null : new SourceSpan(toSource(found.Start), found.Length);
        if (found.Kind == DueTargetKind.Unrecognised && leadIn is not null)
        {
            found = DuePhraseParser.Parse(leadIn.Text, reference);
            span = found.Kind == DueTargetKind.Unrecognised ? null : new SourceSpan(leadIn.Start + found.Start, found.Length);
        }
        if (found.Kind == DueTargetKind.Unrecognised)
            return DraftDue.None;

        DateOnly? date = null, meeting = null;
        switch (found.Kind)
        {
            case DueTargetKind.Date:
                date = found.Date;
                break;
            case DueTargetKind.MeetingInMonth:
                meeting = found.Date;
                break;
            case DueTargetKind.NextMeeting when nextMeeting?.Date is { } next:
                meeting = new DateOnly(next.Year, next.Month, 1);
                break;
            default:
                break;
        }
        if (raisedOn is null && (date is not null || meeting is not null))
        {
            warnings.Add($"The due point \"{found.Phrase}\" of the action \"{Short(text)}\" could not be dated because the meeting date is unknown.");
            date = meeting = null;
        }
        else if (!dateKnown && (found.Kind is DueTargetKind.Date or DueTargetKind.MeetingInMonth))
        {
            warnings.Add($"The due point \"{found.Phrase}\" of the action \"{Short(text)}\" was dated from the next meeting's date because the meeting date is unknown: check it.");
        }
        return new DraftDue(found.Kind, found.Phrase, date, meeting, span);
    }

    private static DraftNextMeeting? NextMeeting(IEnumerable<NoteLine> candidates, DateOnly? meetingDate)
    {
        foreach (var line in candidates)
        {
            if (DateTimeText.FindDate(line.Text, meetingDate) is not { } date)
                continue;
            if (meetingDate is { } held && date.Value <= held)
                continue;
            var time = DateTimeText.FindTime(line.Text, date.Start, date.Length);
            string? title = null;
            if (KindOfMeetingRegex().Match(line.Text) is { Success: true } kind)
            {
                var words = TextRules.Squash(kind.Groups["title"].Value);
                title = char.ToUpperInvariant(words[0]) + words[1..];
            }
            return new DraftNextMeeting(date.Value, time?.Value, title, line.Span);
        }
        return null;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57].TrimEnd() + "…";

    private static string ItemSuffix(string? item) => item is null ? "" : $" (item {item})";

    [GeneratedRegex(@"^(?:\*\*)?(?:actions?\s+arising|action\s*[:\-–—])", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex BodyMarkerRegex();

    [GeneratedRegex(@"\b(?<title>(?:thematic|themed|extraordinary|special|annual|budget|joint)\b[^,.;\t]*?)(?=\s+(?:on|at|will|is)\s+(?:mon|tue|wed|thu|fri|sat|sun|[0-9])|\s+will\s|\s*[,.;\t(]|\s*$)",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex KindOfMeetingRegex();
}
