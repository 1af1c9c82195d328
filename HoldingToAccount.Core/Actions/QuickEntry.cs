using System.Text.RegularExpressions;
using HoldingToAccount.Core.Grammar;
using HoldingToAccount.Core.People;

namespace HoldingToAccount.Core.Actions;

/// <summary>What the quick-entry box read from a line such as "ACC to bring back a timeline in 3 months".</summary>
/// <param name="Text">The action as it will be recorded (the line, tidied).</param>
/// <param name="Owners">Role codes found, in the order written; empty when none was recognised.</param>
/// <param name="Due">The due phrase the parser found, resolved against the meeting's date.</param>
/// <param name="Kind">A revisit when the line says so ("PCC/CC to revisit the strategy in 6 months' time"), else an action.</param>
public sealed record QuickEntryReading(string Text, IReadOnlyList<string> Owners, DuePhrase Due, ActionKind Kind = ActionKind.Action);

/// <summary>
/// Reads an action the way the notes write one: owners first ("ACC to…", "CC/DCC to…", "The Chief Constable to…"),
/// or last ("… – CC", "… (CC)"); the due point from the wording, by <see cref="DuePhraseParser"/>.
/// Nothing is guessed: an owner not among the known roles is left out, a phrase not understood stays unrecognised.
/// </summary>
public static partial class QuickEntry
{
    public const int MaxLength = ActionService.MaxTextLength;

    public static QuickEntryReading Read(string? line, DateOnly meetingDate, IReadOnlyList<RoleOption> roles)
    {
        var text = Whitespace().Replace(line ?? "", " ").Trim();
        var due = DuePhraseParser.Parse(text, meetingDate);
        if (text.Length == 0)
            return new QuickEntryReading("", [], due);

        var owners = LeadingOwners(text, roles);
        if (owners.Count == 0 && TrailingOwners().Match(text) is { Success: true } trailing)
        {
            var found = Codes(trailing.Groups["owners"].Value, roles);
            if (found.Count > 0)
            {
                owners = found;
                text = text[..trailing.Index].TrimEnd(' ', '-', '–', '—', ',', ';', ':');
                due = DuePhraseParser.Parse(text, meetingDate);
            }
        }
        return new QuickEntryReading(text, owners, due, KindOf(text));
    }

    /// <summary>A line that says "revisit" (or "revisited", "to be revisited") schedules a revisit, not an action.</summary>
    public static ActionKind KindOf(string text) => Revisit().IsMatch(text) ? ActionKind.Revisit : ActionKind.Action;

    /// <summary>Owners named before the verb: "ACC to", "CC and DCC to", "The Chief Constable to", "T/DCC will".</summary>
    private static List<string> LeadingOwners(string text, IReadOnlyList<RoleOption> roles)
    {
        var match = Leading().Match(text);
        if (!match.Success)
            return [];
        return Codes(match.Groups["owners"].Value, roles);
    }

    private static List<string> Codes(string names, IReadOnlyList<RoleOption> roles)
    {
        var result = new List<string>();
        foreach (var part in Separators().Split(names))
        {
            var name = Article().Replace(part.Trim(), "");
            if (name.Length == 0)
                continue;
            var code = RoleCodes.Normalise(name);
            var role = roles.FirstOrDefault(r => r.Code == code)
                ?? roles.FirstOrDefault(r => string.Equals(r.Title, name, StringComparison.OrdinalIgnoreCase))
                ?? roles.FirstOrDefault(r => name.StartsWith(r.Title + " ", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith(r.Code + " ", StringComparison.Ordinal));
            if (role is null)
                return []; // one name not understood: claim nothing rather than half the owners
            if (!result.Contains(role.Code))
                result.Add(role.Code);
        }
        return result;
    }

    [GeneratedRegex(@"^(?<owners>.{1,80}?)\s+(?:to|will|should|must|is\s+to|are\s+to)\s+", RegexOptions.IgnoreCase, TextPatterns.TimeoutMs)]
    private static partial Regex Leading();

    [GeneratedRegex(@"(?:\s+[-–—]\s*|\s*\(|\s+)(?<owners>(?:T/)?[A-Za-z]{2,4}(?:/(?:T/)?[A-Za-z]{2,4})*(?:\s*(?:/|,|and|&)\s*(?:T/)?[A-Za-z]{2,4})*)\)?\s*\.?$", RegexOptions.None, TextPatterns.TimeoutMs)]
    private static partial Regex TrailingOwners();

    [GeneratedRegex(@"\s*(?:,|&|\band\b|(?<!\bT)/)\s*", RegexOptions.IgnoreCase, TextPatterns.TimeoutMs)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?:the|our)\s+", RegexOptions.IgnoreCase, TextPatterns.TimeoutMs)]
    private static partial Regex Article();

    [GeneratedRegex(@"\brevisit(?:s|ed|ing)?\b", RegexOptions.IgnoreCase, TextPatterns.TimeoutMs)]
    private static partial Regex Revisit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
