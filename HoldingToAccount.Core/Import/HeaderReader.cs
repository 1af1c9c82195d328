using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Import;

/// <summary>What the lines before the first agenda item say: title, date and time, chair, minute taker, venue, attendance.</summary>
internal sealed record NotesHeader(
    Spanned<string>? Title,
    Spanned<DateOnly>? Date,
    Spanned<TimeOnly>? StartTime,
    Spanned<string>? Venue,
    Spanned<string>? Chair,
    Spanned<string>? MinuteTaker,
    List<DraftPerson> Attendees,
    List<DraftPerson> Apologies,
    bool AttendanceLabelled = true);

/// <summary>
/// Reads the header block, labelled ("Date: …", "Chair: …", "Minutes: …", "Venue …", "Attendance:", "Apologies:") or
/// not (a title line, then a bare line with weekday, date and a time or time range).
/// </summary>
internal static partial class HeaderReader
{
    private enum Field
    {
        None,
        Date,
        Time,
        Chair,
        MinuteTaker,
        Venue,
        Attendance,
        Apologies,
    }

    public static NotesHeader Read(IReadOnlyList<NoteLine> lines, List<string> warnings, string wholeText = "")
    {
        Spanned<string>? title = null, venue = null, chair = null, minuteTaker = null;
        Spanned<DateOnly>? date = null, titleDate = null;
        Spanned<TimeOnly>? time = null;
        var attendance = new List<NoteLine>();
        var apologies = new List<NoteLine>();
        var list = Field.None;
        var waiting = Field.None;
        var absenceMarked = false;
        var attendanceLabelled = false;

        for (var index = 0; index < lines.Count; index++)
        {
            foreach (var (labelField, value) in Labelled(lines[index]))
            {
                var field = labelField;
                if (field == Field.None && waiting != Field.None && value.Length > 0)
                {
                    // "Minute Taker" on a line of its own: the person is on the next line.
                    field = waiting;
                    if (field == Field.Chair)
                        attendance.Add(value);
                }
                waiting = labelField is Field.Chair or Field.MinuteTaker or Field.Date or Field.Venue && value.Length == 0
                    && !BareHeadingLabelRegex().IsMatch(lines[index].Text) ? labelField : Field.None;
                absenceMarked |= field == Field.Attendance && AbsenceLegendRegex().IsMatch(lines[index].Text);
                attendanceLabelled |= labelField == Field.Attendance;
                switch (field)
                {
                    case Field.None when ColumnHeaderRegex().IsMatch(value.Text):
                        list = Field.Attendance; // "Name  Capacity" columns head the attendance table
                        break;
                    case Field.None when index == 0 && title is null && date is null && !IsOnlyADate(value):
                        title = new Spanned<string>(TextRules.Squash(value.Text), value.Span);
                        if (DateTimeText.FindDate(value.Text) is { } inTitle)
                        {
                            if (FindTimeAfterDate(value, inTitle) is not null)
                                (date, time) = DateAndTime(value, inTitle);
                            else
                                titleDate = DateAndTime(value, inTitle).Item1;
                        }
                        break;
                    case Field.None when index == 1 && title is { } first && date is null && titleDate is null && ContinuesTitle(first.Value, value):
                        title = new Spanned<string>(TextRules.Squash(first.Value + " " + value.Text), SourceSpan.Between(first.Span.Start, value.Span.End));
                        break;
                    case Field.None when list == Field.Attendance:
                        attendance.Add(value);
                        break;
                    case Field.None when list == Field.Apologies:
                        apologies.Add(value);
                        break;
                    case Field.None when date is null && DateTimeText.FindDate(value.Text) is { } bare:
                        (date, time) = DateAndTime(value, bare);
                        break;
                    case Field.None when date is null && time is null && StartsWithTimeRegex().IsMatch(value.Text) && DateTimeText.FindTime(value.Text) is { } bareTime:
                        time = new Spanned<TimeOnly>(bareTime.Value, new SourceSpan(value.Start + bareTime.Start, bareTime.Length)); // "09:00 – 12:30 in the Haigh Room"
                        break;
                    case Field.None when date is null && titleDate is null && DateTimeText.FindYearlessDate(value.Text, wholeText) is var (yearless, source, dayStart, dayLength):
                        if (yearless is { } withYear)
                        {
                            (date, time) = DateAndTime(value, withYear);
                            warnings.Add($"The meeting date \"{value.Text.Substring(dayStart, dayLength).Trim()}\" has no year; the year was taken from \"{source}\": check it.");
                        }
                        else
                        {
                            var found = DateTimeText.FindTime(value.Text, dayStart, dayLength);
                            time ??= found is { } t ? new Spanned<TimeOnly>(t.Value, new SourceSpan(value.Start + t.Start, t.Length)) : null;
                            warnings.Add($"The meeting date \"{value.Text.Substring(dayStart, dayLength).Trim()}\" has no year, and the notes write none for it: set the date before committing.");
                        }
                        break;
                    case Field.Date when DateTimeText.FindDate(value.Text) is { } labelled:
                        (date, var labelledTime) = DateAndTime(value, labelled);
                        time = labelledTime ?? time;
                        break;
                    case Field.Time when DateTimeText.FindTime(value.Text) is { } found:
                        time = new Spanned<TimeOnly>(found.Value, new SourceSpan(value.Start + found.Start, found.Length));
                        break;
                    case Field.Chair:
                        chair = PersonName(value, warnings);
                        if (labelField == Field.Chair && list == Field.Attendance && value.Length > 0)
                            attendance.Add(value); // "PRESENT: In the Chair: Commissioner Julia Mulligan (JM)"
                        break;
                    case Field.MinuteTaker:
                        minuteTaker = PersonName(value, warnings);
                        break;
                    case Field.Venue:
                        venue = new Spanned<string>(TextRules.Squash(value.Text).TrimEnd('.'), value.Span);
                        break;
                    case Field.Attendance:
                        list = Field.Attendance;
                        if (value.Length > 0)
                            attendance.Add(value);
                        break;
                    case Field.Apologies:
                        list = Field.Apologies;
                        if (value.Length > 0)
                            apologies.Add(value);
                        break;
                    default:
                        break;
                }
            }
        }

        if (date is null && titleDate is not null)
            date = titleDate; // "Executive Board Minutes – 23 July 2024" over "09:00 – 12:30 in the Haigh Room"

        var attendees = PeopleListParser.ParseMarked(attendance, warnings, "attendance", absenceMarked);
        var absent = attendees.Where(p => p.Absent).ToList();
        var apologised = PeopleListParser.Parse(apologies, warnings, "apologies");
        apologised.AddRange(absent.Select(p => p.Person));
        attendees.RemoveAll(p => p.Absent);
        if (absent.Count > 0)
            warnings.Add($"{string.Join(", ", absent.Select(p => p.Person.Name))} marked \"A\" in the membership list {(absent.Count == 1 ? "was" : "were")} read as apologies.");
        var people = attendees.Select(p => p.Person).ToList();
        (chair, minuteTaker) = PeopleListParser.MarkedChairAndMinuteTaker(people, chair, minuteTaker);
        return new NotesHeader(title, date, time, venue, chair, minuteTaker, people, apologised, attendanceLabelled);
    }

    private static bool IsOnlyADate(NoteLine line) =>
        DateTimeText.FindDate(line.Text) is { } date && TextRules.LetterCount(line.Text.Remove(date.Start, date.Length)) == 0;

    /// <summary>The name of the person a labelled line gives ("Commissioner Julia Mulligan (JM)" → "Julia Mulligan").</summary>
    private static Spanned<string>? PersonName(NoteLine value, List<string> warnings)
    {
        var people = PeopleListParser.Parse([value], [], "chair");
        return people.Count == 1 ? new Spanned<string>(people[0].Name, people[0].Span) : NameOnly(value);
    }

    /// <summary>
    /// Apologies recorded under an agenda item rather than in the header ("1 Apologies … Apologies were received from
    /// Ian Rudd (ACC)."): the lines of the body that start with the apologies label, read as the header reads them.
    /// </summary>
    public static List<DraftPerson> ApologiesInBody(IEnumerable<NoteLine> body, List<string> warnings)
    {
        var apologies = new List<NoteLine>();
        NoteLine? open = null;
        foreach (var line in body)
        {
            if (open is { } unfinished)
            {
                // "…from Geoff Petty, Treasurer and Chief Superintendent" / "Jonathan Edwards.": the sentence goes on.
                if (line.Length <= 60 && PeopleListParser.StartsWithName(line.Text))
                    apologies.Add(line);
                open = null;
                continue;
            }
            if (Labelled(line).FirstOrDefault() is (Field.Apologies, { Length: > 0 } value) && value.Start > line.Start)
            {
                apologies.Add(value);
                if (!TextRules.EndsSentence(value.Text))
                    open = value;
            }
        }
        return PeopleListParser.Parse(apologies, warnings, "apologies", sentence: true);
    }

    private static (Spanned<DateOnly>, Spanned<TimeOnly>?) DateAndTime(NoteLine line, DateTimeText.Found<DateOnly> date)
    {
        var time = FindTimeAfterDate(line, date);
        return (new Spanned<DateOnly>(date.Value, new SourceSpan(line.Start + date.Start, date.Length)),
            time is { } t ? new Spanned<TimeOnly>(t.Value, new SourceSpan(line.Start + t.Start, t.Length)) : null);
    }

    private static DateTimeText.Found<TimeOnly>? FindTimeAfterDate(NoteLine line, DateTimeText.Found<DateOnly> date) =>
        DateTimeText.FindTime(line.Text, date.Start, date.Length);

    /// <summary>"Jackie Irvin, Policy Officer, OPCC" → "Jackie Irvin"; "Mr David Lowe" → "David Lowe".</summary>
    private static Spanned<string>? NameOnly(NoteLine value)
    {
        value = PeopleListParser.WithoutTitle(value);
        if (value.Length == 0)
            return null;
        var cut = value.Text.IndexOfAny([',', '(', '\t']);
        var name = (cut > 0 ? value.Text[..cut] : value.Text).Trim();
        return new Spanned<string>(TextRules.Squash(name), new SourceSpan(value.Start, name.Length));
    }

    /// <summary>Splits a header line into its labelled parts; an unlabelled line is one part with <see cref="Field.None"/>.</summary>
    private static IEnumerable<(Field Field, NoteLine Value)> Labelled(NoteLine line)
    {
        var labels = LabelRegex().Matches(line.Text).Where(m => IsLabel(line.Text, m)).ToList();
        if (labels.Count == 0 || labels[0].Index > 0)
        {
            var end = labels.Count == 0 ? line.Length : labels[0].Index;
            yield return (Field.None, new NoteLine(line.Start, line.Text[..end]).From(0));
        }
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var end = i + 1 < labels.Count ? labels[i + 1].Index : line.Length;
            var valueStart = label.Index + label.Length;
            var value = new NoteLine(line.Start + valueStart, line.Text[valueStart..end]).From(0);
            yield return (FieldOf(label.Groups["label"].Value), value);
        }
    }

    /// <summary>A label starts the line, or is capitalised and followed by a colon or a capitalised value.</summary>
    private static bool IsLabel(string text, Match label)
    {
        if (FieldOf(label.Groups["label"].Value) == Field.MinuteTaker && !label.Groups["colon"].Success
            && NotAMinuteTakerRegex().IsMatch(text.AsSpan(label.Index + label.Length)))
            return false; // "MINUTES OF THE PREVIOUS MEETING"
        if (label.Groups["note"].Success && !label.Groups["colon"].Success && label.Index > 0 && label.Groups["label"].Value.Any(char.IsLower))
            return false;
        if (label.Groups["inline"].Success && !char.IsUpper(text[label.Index + label.Length]))
            return false;
        return label.Index == 0 || (char.IsUpper(text[label.Index]) && (label.Groups["colon"].Success || label.Groups["inline"].Success));
    }

    private static Field FieldOf(string label)
    {
        var lower = label.ToLowerInvariant();
        return lower switch
        {
            _ when lower.StartsWith("date", StringComparison.Ordinal) || lower.StartsWith("held on", StringComparison.Ordinal) => Field.Date,
            _ when lower.StartsWith("time", StringComparison.Ordinal) => Field.Time,
            _ when lower.StartsWith("chair", StringComparison.Ordinal) || lower.StartsWith("in the chair", StringComparison.Ordinal) => Field.Chair,
            _ when lower.StartsWith("venue", StringComparison.Ordinal) || lower.StartsWith("location", StringComparison.Ordinal) || lower.StartsWith("place", StringComparison.Ordinal) => Field.Venue,
            _ when lower.StartsWith("apolog", StringComparison.Ordinal) => Field.Apologies,
            _ when lower.Contains("present", StringComparison.Ordinal) || lower.StartsWith("attend", StringComparison.Ordinal) || lower.Contains("in attendance", StringComparison.Ordinal)
                || lower.StartsWith("guest", StringComparison.Ordinal) || lower.StartsWith("presenting", StringComparison.Ordinal) || lower.StartsWith("observer", StringComparison.Ordinal)
                || lower.StartsWith("officers", StringComparison.Ordinal) || lower.StartsWith("chief officers", StringComparison.Ordinal) || lower.StartsWith("membership", StringComparison.Ordinal) => Field.Attendance,
            _ => Field.MinuteTaker,
        };
    }

    /// <summary>"Minutes", "Notes", "Date" alone on a line head a section; they do not label the line below.</summary>
    /// <summary>
    /// The second line finishes a title the first began ("WEST MERCIA POLICE AND CRIME COMMISSIONER" over "PERFORMANCE AND
    /// ACCOUNTABILITY MEETING"): the first does not end as a title ends (in "notes", "minutes", "meeting" …), and the
    /// second is short, no sentence, no date or time, and either in capitals like the first or names the meeting.
    /// </summary>
    private static bool ContinuesTitle(string first, NoteLine second)
    {
        var text = second.Text;
        if (text.Length > 120 || TextRules.LetterCount(text) < 8 || text.EndsWith('.') || text.Contains('\t', StringComparison.Ordinal)
            || TitleEndsRegex().IsMatch(first) || DateTimeText.FindDate(text) is not null || StartsWithTimeRegex().IsMatch(text))
            return false;
        return HeadingRecogniser.IsCaps(first) && HeadingRecogniser.IsCaps(text) || TitleWordRegex().IsMatch(text);
    }

    [GeneratedRegex(@"\b(?:notes|minutes|meeting|board|panel|committee|record)\W*$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex TitleEndsRegex();

    [GeneratedRegex(@"\b(?:meeting|board|notes|minutes|panel|committee|session|forum|accountability|assurance)\b", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex TitleWordRegex();

    [GeneratedRegex(@"^(?:minutes|notes|date|venue|chair)$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex BareHeadingLabelRegex();

    /// <summary>The line starts with a header label ("Apologies were received from", "Chair:", "Present").</summary>
    public static bool StartsWithLabel(NoteLine line) => Labelled(line).FirstOrDefault().Field != Field.None;

    [GeneratedRegex(@"^\s*(?:of|from|and|for|were|was|is|are|to)\b", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex NotAMinuteTakerRegex();

    [GeneratedRegex(@"^\(?[0-9]{1,2}[:.][0-9]{2}|^[0-9]{1,2}\s*[ap]\.?m\b", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex StartsWithTimeRegex();

    [GeneratedRegex(@"\(\s*A\s*(?:[–\-=:]|denotes|means|indicates)\s*(?:denotes\s+)?absen", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex AbsenceLegendRegex();

    [GeneratedRegex(@"^name\s*:?\s*(?:capacity|role|title|position)\s*:?$", TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex ColumnHeaderRegex();

    [GeneratedRegex(
        @"(?<![\p{L}])(?<label>Date(?:\s*(?:and|&)\s*time)?|Held\s+on|Time|Chair(?:ed\s+by|person)?|Minutes?(?:\s+(?:taken\s+)?by|\s+taker)?|Minute[- ]taker|Note[- ]?taker|Notes\s+(?:taken\s+)?by|Secretariat|Venue|Location|Place|(?:Chief\s+)?Officers(?:\s+present)?|Others\s+present|(?:Members\s+|Also\s+)?Present|Attendance|Attendees|Attending|Guests?|Presenting|Observers?|Membership|In\s+the\s+chair|(?:Also\s+)?In\s+attendance"
        + @"|Apologies(?:\s+for\s+absence)?(?:\s+(?:were|was|have\s+been|had\s+been)?\s*(?:received|accepted|noted|given|submitted)\s+(?:from|by))?)"
        + @"(?<note>[ \t]*\([^()]{1,40}\))?(?:[ \t]*(?<colon>:)[ \t]*[\-–]?[ \t]*|(?<inline>[ \t]+(?=[A-Z]))|[ \t]*$)",
        TextRules.Options | RegexOptions.IgnoreCase, TextRules.RegexTimeoutMs)]
    private static partial Regex LabelRegex();
}
