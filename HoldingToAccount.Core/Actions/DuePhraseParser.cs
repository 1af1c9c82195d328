using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Grammar;

namespace HoldingToAccount.Core.Actions;

/// <summary>What an action's due phrase points at.</summary>
public enum DueTargetKind
{
    /// <summary>The next meeting of the series ("to the next meeting").</summary>
    NextMeeting,

    /// <summary>The meeting held in a named month ("the February meeting").</summary>
    MeetingInMonth,

    /// <summary>A calendar date ("by 3 March 2017", "within two weeks").</summary>
    Date,

    /// <summary>Recognised, but deliberately undated ("at a future weekly meeting").</summary>
    NoDate,

    /// <summary>No due phrase found: kept verbatim and flagged, never guessed.</summary>
    Unrecognised,
}

/// <summary>
/// A due phrase found in free text.
/// <see cref="Date"/>: for <see cref="DueTargetKind.MeetingInMonth"/> the first day of that month,
/// for <see cref="DueTargetKind.Date"/> the resolved date, otherwise null.
/// <see cref="Phrase"/>: the exact matched substring of the input, trimmed (for
/// <see cref="DueTargetKind.Unrecognised"/> the whole input, trimmed).
/// <see cref="Start"/>/<see cref="Length"/>: the span of the match in the input
/// (0 and the input's length for <see cref="DueTargetKind.Unrecognised"/>).
/// </summary>
public sealed record DuePhrase(DueTargetKind Kind, DateOnly? Date, string Phrase, int Start, int Length)
{
    /// <summary>True when a person still has to set a due point.</summary>
    public bool NeedsDuePoint => Kind is DueTargetKind.Unrecognised or DueTargetKind.NoDate;
}

/// <summary>
/// Finds the due phrase in an action sentence (or an "actions arising" lead-in) and resolves it
/// against the date of the meeting that raised the action.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="bullet">
/// <item>The earliest phrase in the text wins; at the same start the longest wins.</item>
/// <item>A month named without a year is that month in the raising year if it comes after the raising month,
/// otherwise in the next year. The raising month itself counts only when the text says "this month".</item>
/// <item>A day and month without a year ("by 3 March") is the next such day on or after the raising date.</item>
/// <item>References that look backwards ("arising from the January meeting", "minutes of the meeting on ...")
/// are skipped, not taken as the due point.</item>
/// <item>An impossible date ("31 February 2017") or a weekday that contradicts the date makes the result
/// <see cref="DueTargetKind.Unrecognised"/>; nothing is guessed.</item>
/// <item>Look-alike Unicode (curly quotes, non-breaking and other spaces, dashes, full-width forms,
/// zero-width and soft-hyphen characters, control characters) is folded before matching; matching is case-insensitive.</item>
/// </list>
/// </remarks>
public static partial class DuePhraseParser
{
    private const int _timeoutMilliseconds = TextPatterns.TimeoutMs;
    private const int _lookBehindChars = 120;
    private const RegexOptions _options = TextPatterns.Options | RegexOptions.IgnoreCase;

    // Building blocks. Only ASCII digits: \d would accept other scripts' digits.
    private const string _month = UkDateGrammar.Month + @"\b";

    // Where nothing but the month itself gives the context, "may" is only the month when capitalised.
    private const string _monthStrict = UkDateGrammar.MonthCapitalisedMay + @"\b";

    private const string _year = UkDateGrammar.Year + @"\b";
    private const string _optionalYear = @"(?:,?\s+(?:" + _year + @"|(?<relyear>this|next)\s+year\b))?";
    private const string _thisMonthSuffix = @"(?:,?\s+(?:later\s+)?(?<thismonth>this)\s+month\b(?!'))?";
    private const string _preposition = @"(?:(?:to|for|at|until|till|by|before|in|into)\s+)?(?:the\s+)?";

    private const string _qualifier =
        @"(?:(?:next|holding[\s\-]+to[\s\-]+account|hta|h2a|pcc(?:'s)?|public|weekly|monthly|quarterly"
        + @"|scrutiny|performance|formal|full|board|panel|accountability)\s+){0,4}";

    private const string _meeting = @"(?:meeting|hta|h2a)\b";

    private const string _number =
        "(?<n>[1-9][0-9]{0,2}|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";

    private const string _weekday = "(?:" + UkDateGrammar.Weekday + @"\b,?\s+)?";

    private const string _day = UkDateGrammar.Day;

    // The patterns, one per rule.
    private const string _explicitDatePattern =
        @"\b(?:by|before|until|till|due(?:\s+date)?(?:\s+(?:by|on))?:?|(?:no|not)\s+later\s+than|on\s+or\s+before|deadline(?:\s+of)?:?|meeting\s+(?:on|of))\s+"
        + _weekday
        + "(?:"
        + @"(?:the\s+)?" + _day + @"\s+(?:of\s+)?" + _month + _optionalYear
        + "|" + _month + @"\s+(?:the\s+)?" + _day + @"\b" + _optionalYear
        + "|(?<![0-9])" + UkDateGrammar.NumericDate + "(?![0-9])"
        + "|(?<![0-9])" + UkDateGrammar.IsoDate + "(?![0-9])"
        + ")";

    private const string _endOfMonthPattern =
        @"\b(?:(?:by|before|until|till|for|at|to)\s+)?(?:the\s+)?end\s+of\s+(?:"
        + @"(?:the\s+month\s+of\s+)?" + _month + _optionalYear
        + @"|(?<rel>this|next|the)\s+month\b)";

    private const string _relativePattern =
        @"\b(?:in|within)\s+(?:"
        + @"(?:(?:the\s+)?next\s+)?" + _number + @"\s+(?<unit>week|fortnight|month|day|year)s?\b(?:(?:'s|')?\s+time\b)?"
        + @"|the\s+next\s+(?<unit>week|fortnight|month|year)\b(?!')"
        + ")";

    private const string _meetingInMonthPattern =
        @"\b" + _preposition + _qualifier + _meeting + @"\s+(?:in|during|for|of)\s+(?:the\s+month\s+of\s+)?"
        + _monthStrict + _optionalYear + _thisMonthSuffix;

    private const string _monthMeetingPattern =
        @"\b" + _preposition + _month + "(?:'s)?" + _optionalYear + @"\s+" + _qualifier + _meeting
        + @"(?:,?\s+(?<relyear>this|next)\s+year\b)?" + _thisMonthSuffix;

    private const string _thisOrNextMonthPattern =
        @"\b" + _preposition + "(?:"
        + @"(?<rel>this|next)\s+month'?s\s+" + _qualifier + _meeting
        + "|" + _qualifier + _meeting + @"\s+(?:later\s+)?(?<rel>this|next)\s+month\b(?!')"
        + ")"
        + @"|\b(?:later\s+(?<rel>this)|(?:until|till|to|for)\s+(?<rel>this|next))\s+month\b(?!')";

    private const string _nextMeetingPattern =
        @"\b" + _preposition + @"next\s+(?:(?:available|scheduled|appropriate|suitable|possible|planned|convenient)\s+)?"
        + _qualifier + _meeting;

    private const string _noDatePattern =
        @"\b(?:(?:at|to|for|in|until|till)\s+)?(?:(?:a|an|some|the)\s+)?(?:future|later|subsequent)\s+" + _qualifier + @"(?:" + _meeting + @"|date\b)"
        + @"|\bin\s+due\s+course\b"
        + @"|\bdate\s+to\s+be\s+(?:confirmed|agreed|arranged|set|fixed)\b"
        + @"|\b(?:date\s+)?(?:tbc|tba)\b";

    private const string _bareMonthPattern =
        @"\b(?:in|until|till|during)\s+(?:the\s+month\s+of\s+)?" + _monthStrict + _optionalYear + _thisMonthSuffix;

    // Immediately before a match: words that make it a reference to the past, not a due point.
    private const string _backReferencePattern =
        @"(?:\b(?:from|since|arising|following|after|of)"
        + @"|(?<!\b(?:to|will|shall|should|would|must|can|could|may|might)\s+be\s+)\b(?:raised|agreed|discussed|minuted|dated))"
        + @"\s+(?:(?:the|a|an|this)\s+)?" + _qualifier + @"\z";

    private enum Rule
    {
        ExplicitDate,
        EndOfMonth,
        Relative,
        MeetingInMonth,
        MonthMeeting,
        ThisOrNextMonth,
        NextMeeting,
        NoDate,
        BareMonth,
    }

    private static readonly (Rule Rule, Regex Regex)[] _rules =
    [
        (Rule.ExplicitDate, ExplicitDateRegex()),
        (Rule.EndOfMonth, EndOfMonthRegex()),
        (Rule.Relative, RelativeRegex()),
        (Rule.MeetingInMonth, MeetingInMonthRegex()),
        (Rule.MonthMeeting, MonthMeetingRegex()),
        (Rule.ThisOrNextMonth, ThisOrNextMonthRegex()),
        (Rule.NextMeeting, NextMeetingRegex()),
        (Rule.NoDate, NoDateRegex()),
        (Rule.BareMonth, BareMonthRegex()),
    ];

    private static readonly Dictionary<string, int> _numberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1,
        ["an"] = 1,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
    };

    /// <summary>
    /// Finds the first due phrase in <paramref name="text"/> and resolves it against <paramref name="raisedOn"/>.
    /// Never throws: null, empty or unmatched text gives <see cref="DueTargetKind.Unrecognised"/>.
    /// </summary>
    public static DuePhrase Parse(string? text, DateOnly raisedOn)
    {
        if (string.IsNullOrEmpty(text))
            return new DuePhrase(DueTargetKind.Unrecognised, null, string.Empty, 0, 0);

        try
        {
            var (folded, map) = Fold(text);
            if (FindFirst(folded) is not { } found)
                return Unrecognised(text);

            if (Resolve(found.Rule, found.Match, raisedOn) is not { } resolved)
                return Unrecognised(text);

            var start = map[found.Match.Index];
            var end = map[found.Match.Index + found.Match.Length - 1] + 1;
            while (start < end && char.IsWhiteSpace(text[start]))
                start++;
            while (end > start && char.IsWhiteSpace(text[end - 1]))
                end--;
            return new DuePhrase(resolved.Kind, resolved.Date, text[start..end], start, end - start);
        }
        catch (RegexMatchTimeoutException)
        {
            return Unrecognised(text);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Date arithmetic beyond DateOnly's range (e.g. "in 999 years" from 9999).
            return Unrecognised(text);
        }
    }

    private static DuePhrase Unrecognised(string text) =>
        new(DueTargetKind.Unrecognised, null, text.Trim(), 0, text.Length);

    private static (Rule Rule, Match Match)? FindFirst(string folded)
    {
        var candidates = new List<(Rule Rule, Match Match)>();
        var pastReferences = new List<Match>();
        foreach (var (rule, regex) in _rules)
        {
            for (var match = regex.Match(folded); match.Success; match = match.NextMatch())
            {
                if (IsBackReference(folded, match.Index))
                    pastReferences.Add(match);
                else
                    candidates.Add((rule, match));
            }
        }

        // A phrase inside a past reference ("arising from the meeting in January") is part of that reference.
        (Rule Rule, Match Match)? best = null;
        foreach (var candidate in candidates)
        {
            var match = candidate.Match;
            if (pastReferences.Exists(past => match.Index < past.Index + past.Length && past.Index < match.Index + match.Length))
                continue;
            if (best is not { } current
                || match.Index < current.Match.Index
                || (match.Index == current.Match.Index && match.Length > current.Match.Length))
            {
                best = candidate;
            }
        }
        return best;
    }

    private static bool IsBackReference(string folded, int index)
    {
        var from = Math.Max(0, index - _lookBehindChars);
        return BackReferenceRegex().IsMatch(folded.AsSpan(from, index - from));
    }

    private static (DueTargetKind Kind, DateOnly? Date)? Resolve(Rule rule, Match match, DateOnly raisedOn)
    {
        switch (rule)
        {
            case Rule.NextMeeting:
                return (DueTargetKind.NextMeeting, null);
            case Rule.NoDate:
                return (DueTargetKind.NoDate, null);
            case Rule.ExplicitDate:
                return ExplicitDate(match, raisedOn) is { } date ? (DueTargetKind.Date, date) : null;
            case Rule.Relative:
                return Relative(match, raisedOn) is { } later ? (DueTargetKind.Date, later) : null;
            case Rule.EndOfMonth:
                return MonthOf(match, raisedOn) is { } month
                    ? (DueTargetKind.Date, month.AddMonths(1).AddDays(-1))
                    : null;
            case Rule.MeetingInMonth:
            case Rule.MonthMeeting:
            case Rule.BareMonth:
            case Rule.ThisOrNextMonth:
                return MonthOf(match, raisedOn) is { } first ? (DueTargetKind.MeetingInMonth, first) : null;
            default:
                return null;
        }
    }

    /// <summary>First day of the month the match names, by the year roll-over rule.</summary>
    private static DateOnly? MonthOf(Match match, DateOnly raisedOn)
    {
        var raisingMonth = new DateOnly(raisedOn.Year, raisedOn.Month, 1);
        var relative = match.Groups["rel"];
        if (relative.Success)
        {
            return relative.Value.Equals("next", StringComparison.OrdinalIgnoreCase)
                ? raisingMonth.AddMonths(1)
                : raisingMonth;
        }

        if (UkDateGrammar.MonthNumber(match.Groups["month"]) is not { } month)
            return null;

        var year = match.Groups["year"];
        if (year.Success)
        {
            if (!TryParseNumber(year.Value, out var explicitYear))
                return null;
            var named = new DateOnly(explicitYear, month, 1);
            // "this month" alongside an explicit year must agree with the raising month.
            return !match.Groups["thismonth"].Success || named == raisingMonth ? named : null;
        }

        var relativeYear = match.Groups["relyear"];
        if (relativeYear.Success)
        {
            var next = relativeYear.Value.Equals("next", StringComparison.OrdinalIgnoreCase);
            var named = new DateOnly(next ? raisedOn.Year + 1 : raisedOn.Year, month, 1);
            return !match.Groups["thismonth"].Success || named == raisingMonth ? named : null;
        }

        if (match.Groups["thismonth"].Success)
            return month == raisedOn.Month ? raisingMonth : null;

        return new DateOnly(month > raisedOn.Month ? raisedOn.Year : raisedOn.Year + 1, month, 1);
    }

    private static DateOnly? ExplicitDate(Match match, DateOnly raisedOn)
    {
        DateOnly? date;
        if (UkDateGrammar.MonthNumber(match.Groups["month"]) is not { } month)
        {
            date = UkDateGrammar.NumericOrIso(match);
        }
        else
        {
            if (!TryParseNumber(match.Groups["day"].Value, out var day))
                return null;
            var yearGroup = match.Groups["year"];
            var relativeYear = match.Groups["relyear"];
            if (yearGroup.Success)
            {
                date = TryParseNumber(yearGroup.Value, out var year) ? UkDateGrammar.Date(year, month, day) : null;
            }
            else if (relativeYear.Success)
            {
                var next = relativeYear.Value.Equals("next", StringComparison.OrdinalIgnoreCase);
                date = UkDateGrammar.Date(next ? raisedOn.Year + 1 : raisedOn.Year, month, day);
            }
            else
            {
                date = UkDateGrammar.NextSuchDay(month, day, raisedOn, sameDayCounts: true);
            }
        }

        if (date is not { } resolved)
            return null;

        var weekday = match.Groups["weekday"];
        if (weekday.Success && UkDateGrammar.DayOfWeekOf(weekday) != resolved.DayOfWeek)
            return null;
        return resolved;
    }

    private static DateOnly? Relative(Match match, DateOnly raisedOn)
    {
        var number = match.Groups["n"];
        var count = 1;
        if (number.Success && !_numberWords.TryGetValue(number.Value, out count) && !TryParseNumber(number.Value, out count))
            return null;

        var unit = match.Groups["unit"].Value;
        if (unit.Length == 0)
            return null;
        return char.ToUpperInvariant(unit[0]) switch
        {
            'D' => raisedOn.AddDays(count),
            'W' => raisedOn.AddDays(7 * count),
            'F' => raisedOn.AddDays(14 * count),
            'M' => raisedOn.AddMonths(count),
            'Y' => raisedOn.AddYears(count),
            _ => null,
        };
    }

    private static bool TryParseNumber(string digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Folds look-alike characters to ASCII so one set of patterns matches them all. Returns the folded text and,
    /// for each folded character, the index of the input character it came from (format characters are dropped).
    /// </summary>
    private static (string Folded, int[] Map) Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var map = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
                continue; // zero-width spaces and joiners, soft hyphens, byte-order marks, direction marks
            map[builder.Length] = i;
            builder.Append(FoldChar(c, category));
        }
        return (builder.ToString(), map);
    }

    private static char FoldChar(char c, UnicodeCategory category) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u02BC' or '\u2032' or '\u0060' or '\u00B4' => '\'',
        >= '\u2010' and <= '\u2015' or '\u2212' or '\uFE58' or '\uFE63' => '-',
        '\u2044' or '\u2215' => '/',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0), // full-width ASCII
        _ when category is UnicodeCategory.Control or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => ' ',
        _ => c,
    };

    [GeneratedRegex(_explicitDatePattern, _options, _timeoutMilliseconds)]
    private static partial Regex ExplicitDateRegex();

    [GeneratedRegex(_endOfMonthPattern, _options, _timeoutMilliseconds)]
    private static partial Regex EndOfMonthRegex();

    [GeneratedRegex(_relativePattern, _options, _timeoutMilliseconds)]
    private static partial Regex RelativeRegex();

    [GeneratedRegex(_meetingInMonthPattern, _options, _timeoutMilliseconds)]
    private static partial Regex MeetingInMonthRegex();

    [GeneratedRegex(_monthMeetingPattern, _options, _timeoutMilliseconds)]
    private static partial Regex MonthMeetingRegex();

    [GeneratedRegex(_thisOrNextMonthPattern, _options, _timeoutMilliseconds)]
    private static partial Regex ThisOrNextMonthRegex();

    [GeneratedRegex(_nextMeetingPattern, _options, _timeoutMilliseconds)]
    private static partial Regex NextMeetingRegex();

    [GeneratedRegex(_noDatePattern, _options, _timeoutMilliseconds)]
    private static partial Regex NoDateRegex();

    [GeneratedRegex(_bareMonthPattern, _options, _timeoutMilliseconds)]
    private static partial Regex BareMonthRegex();

    [GeneratedRegex(_backReferencePattern, _options, _timeoutMilliseconds)]
    private static partial Regex BackReferenceRegex();
}
