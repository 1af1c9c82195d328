using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Import;

/// <summary>The small matching rules of committing a draft: the source hash, people by name, owners to roles, titles.</summary>
internal static partial class ImportMatching
{
    private static readonly HashSet<string> _honorifics = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "professor", "rev", "cllr", "councillor", "lord", "lady",
        "supt", "ch", "chief", "superintendent", "insp", "inspector", "dci", "di", "ds", "dc", "sgt", "pc",
    };

    /// <summary>SHA-256 (lower-case hex) of the notes' non-blank lines, trimmed and joined with \n: the same notes give the same hash
    /// whatever their line endings, spacing at line ends or file format.</summary>
    public static string SourceHash(string sourceText)
    {
        var lines = new NotesText(sourceText).Lines.Select(l => l.Text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    /// <summary>"Supt. Jane  Doe" → "jane doe": lower case, letters only, titles before the name dropped.</summary>
    public static string NameKey(string name)
    {
        var words = TextRules.Comparable(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 2 && _honorifics.Contains(words[0]))
            words.RemoveAt(0);
        return string.Join(' ', words);
    }

    /// <summary>The person whose name matches, when exactly one does (active people first).</summary>
    /// <summary>Everyone on the people list, keyed for <see cref="MatchPerson"/>.</summary>
    public static async Task<List<(int Id, string Key, bool Active)>> PeopleAsync(AppDbContext db, CancellationToken ct) =>
        (await db.People.Select(p => new { p.Id, p.Name, p.Active }).ToListAsync(ct))
            .Select(p => (p.Id, Key: NameKey(p.Name), p.Active)).ToList();

    public static int? MatchPerson(string name, IReadOnlyList<(int Id, string Key, bool Active)> people)
    {
        var key = NameKey(name);
        if (key.Length == 0)
            return null;
        var matches = people.Where(p => p.Key == key).ToList();
        if (matches.Count > 1)
            matches = matches.Where(p => p.Active).ToList();
        return matches.Count == 1 ? matches[0].Id : null;
    }

    /// <summary>The role code an owner token stands for among <paramref name="codes"/>: "сс" → "CC", "T/DCC" → "DCC" when only DCC is a role.</summary>
    public static string? OwnerCode(string token, IReadOnlySet<string> codes)
    {
        var code = RoleCodes.Normalise(token);
        if (code.Length == 0)
            return null;
        if (codes.Contains(code))
            return code;
        return code.StartsWith("T/", StringComparison.Ordinal) && codes.Contains(code[2..]) ? code[2..] : null;
    }

    /// <summary>"Monthly Assurance Meeting January 2017 – Meeting Notes" → "Monthly Assurance Meeting January 2017"; a title
    /// without a year gets the meeting's month ("Accountability Board April 2017").</summary>
    public static string MeetingTitle(string? fromNotes, string seriesName, DateOnly date)
    {
        var title = TextRules.Squash(fromNotes ?? "");
        foreach (var suffix in new[] { "meeting notes", "notes of meeting", "notes of the meeting", "minutes", "notes" })
        {
            if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                title = title[..^suffix.Length].TrimEnd(' ', '–', '-', '—', ':', ',');
                break;
            }
        }
        if (title.Length == 0)
            return Meeting.DefaultTitle(seriesName, date);
        if (!title.Contains(date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            title = Meeting.DefaultTitle(title, date);
        return Clip(title, InputLimits.MeetingTitle);
    }

    /// <summary>
    /// The register actions of <paramref name="seriesId"/> that the notes of its meeting on <paramref name="date"/> can continue:
    /// raised at an earlier meeting and not closed before that date. With no date, those not closed.
    /// </summary>
    public static IQueryable<ActionItem> Continuable(IQueryable<ActionItem> actions, int seriesId, DateOnly? date) => date is { } d
        ? actions.Where(a => a.SeriesId == seriesId && a.RaisedAtMeeting.Date < d && (a.ClosedOn == null || a.ClosedOn >= d))
        : actions.Where(a => a.SeriesId == seriesId).Where(ActionItem.Open);

    /// <summary>
    /// The register action a brought-forward action continues when nobody has chosen one: the one whose reference is written
    /// before it in the notes ("2017/04 – DCC to review…"), else the newest with the same text. <paramref name="earlier"/> are
    /// the <see cref="Continuable"/> actions, newest first.
    /// </summary>
    public static T? ContinuedAction<T>(ImportDraft draft, DraftAction found, string text, IReadOnlyList<T> earlier,
        Func<T, string> reference, Func<T, string> actionText) where T : class
    {
        if (!found.BroughtForward)
            return null;
        if (WrittenReference(draft.SourceText, found.Span) is { } written && earlier.FirstOrDefault(a => reference(a) == written) is { } referenced)
            return referenced;
        var comparable = TextRules.Comparable(text);
        return earlier.FirstOrDefault(a => TextRules.Comparable(actionText(a)) == comparable);
    }

    /// <summary>The reference written before a brought-forward action on its line ("2017/04 – DCC to review…"), as the register writes it.</summary>
    private static string? WrittenReference(string source, SourceSpan span)
    {
        var start = Math.Clamp(span.Start, 0, source.Length);
        var lineStart = start == 0 ? 0 : source.LastIndexOf('\n', start - 1) + 1;
        var lead = source[lineStart..Math.Min(source.Length, start + Math.Min(span.Length, 12))];
        var match = ReferenceRegex().Match(lead);
        return match.Success && ActionReference.TryParse(match.Value, out var year, out var sequence) ? ActionReference.Format(year, sequence) : null;
    }

    [GeneratedRegex(@"\b(?:19|20)[0-9]{2}/[0-9]{1,4}\b", TextRules.Options, TextRules.RegexTimeoutMs)]
    private static partial Regex ReferenceRegex();

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    public static string Short(string text) => Clip(TextRules.Squash(text), 60);

    /// <summary>"4a.1" → "4a" (or "4", or "4a.1") as the series' sections name it; "4a.1" → "4a" when none does.</summary>
    public static string SectionOf(string number, IReadOnlySet<string> sections)
    {
        var candidates = new List<string> { number };
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? number : number[..dot];
        candidates.Add(head);
        var digits = new string(head.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length > 0)
            candidates.Add(digits);
        return Clip(candidates.FirstOrDefault(sections.Contains) ?? head, 16);
    }

    /// <summary>True when another item is numbered under this one ("4" over "4a", "4a" over "4a.1"): a heading, not an item.</summary>
    public static bool IsHeading(string number, IEnumerable<string> numbers) =>
        numbers.Any(other => other.Length > number.Length
            && other.StartsWith(number, StringComparison.OrdinalIgnoreCase)
            && (other[number.Length] == '.' || (char.IsAsciiDigit(number[^1]) && char.IsAsciiLetter(other[number.Length]))));
}
