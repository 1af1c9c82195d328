using System.Text.RegularExpressions;
using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Core.Reminders.Replies;

/// <summary>
/// Reads the words of an e-mailed reply: the new text above the quoted message and signature, and in it the updates,
/// one per line starting with an action reference ("2017/01: text", "2017/01 - text", "Re: 2017/01 text"). Lines that
/// follow a reference line without a blank line between continue its update; anything else (a greeting, a sign-off)
/// is not an update. <c>complete</c> as the first or last word proposes completion.
/// </summary>
public static partial class ReplyText
{
    /// <summary>The text the sender wrote, without the quoted message, the signature or a mobile client's tag line.</summary>
    public static string NewText(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (EndsNewText(lines, i))
                break;
            if (line.TrimStart().StartsWith('>'))
                continue;
            kept.Add(line);
        }
        return string.Join('\n', kept).Trim();
    }

    /// <summary>The updates the new text gives, in order; a reference given twice keeps its first update.</summary>
    public static IReadOnlyList<EmailedUpdate> Updates(string newText)
    {
        ArgumentNullException.ThrowIfNull(newText);
        var updates = new List<(string Reference, List<string> Lines)>();
        List<string>? current = null;
        foreach (var raw in newText.Split('\n'))
        {
            var line = raw.Trim();
            var match = UpdateLine().Match(line);
            if (match.Success && ActionReference.TryParse(match.Groups["ref"].Value, out var year, out var sequence))
            {
                current = [match.Groups["text"].Value.Trim()];
                updates.Add((ActionReference.Format(year, sequence), current));
            }
            else if (line.Length == 0)
            {
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }
        return updates
            .GroupBy(u => u.Reference, StringComparer.Ordinal).Select(g => g.First())
            .Select(u => ToUpdate(u.Reference, string.Join(' ', u.Lines.Where(l => l.Length > 0))))
            .ToList();
    }

    private static EmailedUpdate ToUpdate(string reference, string text)
    {
        var complete = false;
        var leading = LeadingComplete().Match(text);
        if (leading.Success)
        {
            complete = true;
            text = text[leading.Length..];
        }
        var trailing = TrailingComplete().Match(text);
        if (trailing.Success)
        {
            complete = true;
            text = text[..trailing.Index];
        }
        text = text.Trim().TrimEnd(',', ';', ':', '-').Trim();
        if (complete && text.Length == 0)
            text = "Complete (by e-mail reply).";
        return new EmailedUpdate(reference, text, complete);
    }

    private static bool EndsNewText(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (line is "--" or "-- " || lines[i] == "-- " || line.StartsWith("-----Original Message-----", StringComparison.OrdinalIgnoreCase)
            || Underscores().IsMatch(line) || SentFrom().IsMatch(line))
            return true;
        // Gmail and Apple Mail: "On <date>, <name> <address> wrote:", which Gmail wraps over two lines when long.
        if (line.StartsWith("On ", StringComparison.Ordinal)
            && (line.EndsWith("wrote:", StringComparison.Ordinal)
                || (i + 1 < lines.Length && lines[i + 1].Trim().EndsWith("wrote:", StringComparison.Ordinal))))
            return true;
        // Outlook: a "From: ..." header block with "Sent:" or "Date:" close below it.
        if (OutlookFrom().IsMatch(line))
        {
            for (var j = i + 1; j < Math.Min(lines.Length, i + 4); j++)
            {
                if (OutlookSent().IsMatch(lines[j].Trim()))
                    return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^(?:(?:re|fw|fwd)\s*:\s*)*\[?(?<ref>\d{4}/\d{1,5})\]?\s*(?:[:\-\u2013\u2014.]\s*)?(?<text>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex UpdateLine();

    [GeneratedRegex(@"^complete\b[\s.,;:\-\u2013\u2014]*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingComplete();

    [GeneratedRegex(@"[\s.,;:\-\u2013\u2014(]*(?<!\b(?:not|yet|be|been|almost|nearly)\s+)\bcomplete[\s.!)]*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingComplete();

    [GeneratedRegex(@"^_{10,}$")]
    private static partial Regex Underscores();

    [GeneratedRegex(@"^Sent from my \w+", RegexOptions.IgnoreCase)]
    private static partial Regex SentFrom();

    [GeneratedRegex(@"^\*?From:\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookFrom();

    [GeneratedRegex(@"^\*?(Sent|Date):\*?\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookSent();
}
