using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Grammar;

namespace HoldingToAccount.Core.Export;

/// <summary>How an action's parts read in the exported documents, spreadsheets and feeds.</summary>
public static partial class ExportText
{
    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.UpdateProvided => "Update provided",
        ActionStatus.ProposedComplete => "Proposed complete",
        _ => status.ToString(),
    };

    /// <summary>"PCC/CC", as the notes write joint owners.</summary>
    public static string Owners(ActionRow action) => string.Join("/", action.Owners);

    /// <summary>The date an action is due: its bound meeting's day, else its due date.</summary>
    public static DateOnly? DueOn(ActionRow action) => action.DueMeeting?.Date ?? action.DueDate;

    /// <summary>"Monthly Assurance Meeting February 2017 (28 Feb 2017)", "3 Mar 2017", "Next meeting (not yet planned)".</summary>
    public static string Due(ActionRow action) => action switch
    {
        { DueMeeting: { } meeting } => $"{meeting.Title} ({London.ShortDate(meeting.Date)})",
        { DueDate: { } date } => London.ShortDate(date),
        { NeedsDuePoint: true } => "No due point yet",
        _ => "Next meeting (not yet planned)",
    };

    /// <summary>The due wording as agreed, when there is one.</summary>
    public static string? AsAgreed(ActionRow action) =>
        string.IsNullOrWhiteSpace(action.DuePhrase) ? null : action.DuePhrase.Trim();

    public static string Dated(LatestUpdate update) => $"{London.ShortDate(update.Date)}: {update.Text}";

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Text safe to put in XML: characters XML 1.0 cannot carry (most control characters, lone surrogates) are dropped.</summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (ok)
                builder?.Append(c);
            else
                builder ??= new StringBuilder(text.Length).Append(text, 0, i);
        }
        return builder?.ToString() ?? text;
    }

    /// <summary>The lines of a free-text field, trimmed, blank ones dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>A line the notes start with a bullet ("• ", "- ", "○ ", "* "); the text after it, or null.</summary>
    public static string? BulletText(string line) => NotesPhrases.GlyphBulletText(line);

    /// <summary>An "Actions arising: …" line carried inside imported findings. Null when the line is something else;
    /// an empty string when it says there were none (the notes then say so in their own words).</summary>
    public static string? ActionsArisingLine(string line)
    {
        var match = ArisingPattern().Match(line);
        if (!match.Success)
            return null;
        var rest = match.Groups["rest"].Value.Trim();
        return NotesPhrases.SaysNone(rest) ? "" : rest;
    }

    [GeneratedRegex(@"^actions?\s+arising\s*[:\-–]?\s*(?<rest>.*)$", TextPatterns.Options | RegexOptions.IgnoreCase, TextPatterns.TimeoutMs)]
    private static partial Regex ArisingPattern();
}
