using System.Globalization;
using System.Text;

namespace HoldingToAccount.Core.Reminders;

/// <summary>One piece of an e-mail in both its forms: Outlook-safe HTML and the plain text that says the same.</summary>
/// <param name="SpaceAbove">Pixels of space above the piece (Outlook ignores margins on tables, so the document
/// shell pads the row each piece sits in).</param>
public sealed record MailBlock(string Html, string Text, int SpaceAbove = 0);

/// <summary>An action as one compact block: its reference and text as a heading, a few labelled facts, one link.</summary>
public sealed record MailAction(string Reference, string Text, IReadOnlyList<(string Label, string Value)> Facts, string LinkText, string Url);

/// <summary>
/// The building kit of every e-mail the register sends. Each function gives Outlook-safe HTML — presentation tables,
/// every style inline on its own element, the font named on each piece of text (Outlook on Windows falls back to
/// Times New Roman otherwise), at most 600 px wide, nothing Word's engine ignores (no flex, float, positioning or
/// auto margins) — and its plain-text twin, so the two bodies always say the same thing.
/// </summary>
public static class MailLayout
{
    public const int Width = 600;
    public const string FontStack = "Arial,Helvetica,sans-serif";

    private const string Ink = "#0b0c0c";
    private const string Quiet = "#505a5f"; // 7:1 on white
    private const string Accent = "#1d70b8"; // white on it 5.2:1
    private const string Rule = "#b1b4b6";
    private const string Page = "#f3f2f1";
    private const string Band = "#12355b";
    private const string Product = "Holding to account \u00b7 action register";
    private const string Tight = "cellpadding=\"0\" cellspacing=\"0\" border=\"0\"";

    /// <summary>The message's one heading: a few words, not the subject line.</summary>
    public static MailBlock Heading(string text) => new(
        $"<h1 style=\"margin:0;font-family:{FontStack};font-size:22px;line-height:28px;font-weight:bold;color:{Ink};\">{E(text)}</h1>",
        $"{text}\n{Underline(text, '=')}\n");

    /// <summary>A section of the message ("Your actions due at this meeting (4)").</summary>
    public static MailBlock Section(string text) => new(
        $"<h2 style=\"margin:0;font-family:{FontStack};font-size:18px;line-height:24px;font-weight:bold;color:{Ink};\">{E(text)}</h2>",
        $"{text}\n{Underline(text, '-')}\n", 12);

    /// <summary>A heading within a section (an agenda item of a written-response reminder).</summary>
    public static MailBlock Subheading(string text) => new(
        $"<h3 style=\"margin:0;font-family:{FontStack};font-size:16px;line-height:22px;font-weight:bold;color:{Ink};\">{E(text)}</h3>",
        $"{text}\n");

    /// <summary>A paragraph; its line breaks are kept.</summary>
    public static MailBlock Paragraph(string text) => new(
        $"<p style=\"margin:0;font-family:{FontStack};font-size:15px;line-height:22px;color:{Ink};\">{Lines(text)}</p>",
        $"{text}\n");

    /// <summary>Words set apart in a box: a personal note, or how to reply.</summary>
    public static MailBlock Note(string text) => new(
        $"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;border-left:4px solid {Accent};background-color:{Page};\">" +
        $"<tr><td style=\"padding:10px 12px;font-family:{FontStack};font-size:15px;line-height:22px;color:{Ink};\">{Lines(text)}</td></tr></table>",
        $"{text}\n");

    /// <summary>Labelled facts, labels small and grey beside their values (a share of the width, so a phone keeps
    /// room for the values).</summary>
    public static MailBlock Facts(IEnumerable<(string Label, string Value)> facts) => Facts(facts, "");

    /// <summary>A link drawn as a button: a coloured cell, since Outlook ignores padding on links.</summary>
    public static MailBlock Button(string text, string url) => new(
        $"<table role=\"presentation\" {Tight} style=\"border-collapse:separate;\"><tr>" +
        $"<td bgcolor=\"{Accent}\" style=\"padding:8px 14px;background-color:{Accent};border-radius:4px;\">" +
        $"<a href=\"{E(url)}\" style=\"font-family:{FontStack};font-size:15px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;\">{E(text)}</a>" +
        "</td></tr></table>",
        $"{text}: {url}\n", 4);

    /// <summary>An action as one bordered block: "2017/01: text" as a heading, its facts, a button to act on it.</summary>
    public static MailBlock Action(MailAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var facts = Facts(action.Facts, "    ");
        var button = Button(action.LinkText, action.Url);
        var html =
            $"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;border:1px solid {Rule};border-left:4px solid {Accent};\">" +
            $"<tr><td style=\"padding:8px 12px 10px 12px;\">" +
            $"<h3 style=\"margin:0 0 6px 0;font-family:{FontStack};font-size:16px;line-height:22px;font-weight:bold;color:{Ink};\">" +
            $"<span style=\"font-family:{FontStack};color:{Accent};\">{E(action.Reference)}:</span> {E(action.Text)}</h3>" +
            facts.Html +
            $"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;\"><tr><td style=\"padding-top:6px;\">{button.Html}</td></tr></table>" +
            "</td></tr></table>";
        var text = $"* {action.Reference}  {action.Text}\n{facts.Text}    {button.Text}";
        return new MailBlock(html, text, 0);
    }

    /// <summary>The small print at the foot of every message: why it came, and that it was sent automatically.</summary>
    public static MailBlock Footer(IEnumerable<string> lines)
    {
        var all = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Append("Holding to account action register. This message was sent automatically.").ToList();
        return new MailBlock(
            string.Concat(all.Select(l => $"<p style=\"margin:0 0 4px 0;font-family:{FontStack};font-size:13px;line-height:19px;color:{Quiet};\">{E(l)}</p>")),
            "--\n" + string.Join('\n', all) + "\n");
    }

    /// <summary>
    /// The shell around the pieces: a grey page, a white column at most 600 px wide (a fixed 600 px table for
    /// Outlook on Windows, which ignores max-width; phones get the full width), the product's name in a band, each
    /// piece in a padded row of its own, the footer under a rule.
    /// </summary>
    public static (string Html, string Text) Document(string title, IEnumerable<MailBlock> blocks, MailBlock footer)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(footer);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"x-apple-disable-message-reformatting\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n</head>\n")
            .Append(CultureInfo.InvariantCulture, $"<body style=\"margin:0;padding:0;background-color:{Page};\">\n")
            .Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;background-color:{Page};\">")
            .Append("<tr><td align=\"center\" style=\"padding:12px 6px;\">\n")
            .Append(CultureInfo.InvariantCulture, $"<!--[if mso]><table role=\"presentation\" width=\"{Width}\" {Tight}><tr><td><![endif]-->\n")
            .Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;max-width:{Width}px;background-color:#ffffff;border:1px solid {Rule};\">\n")
            .Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:8px 16px;background-color:{Band};font-family:{FontStack};font-size:13px;line-height:18px;font-weight:bold;color:#ffffff;\">{E(Product)}</td></tr>\n");
        var text = new StringBuilder().Append(Product).Append("\n\n");
        var first = true;
        foreach (var block in blocks)
        {
            var above = first ? 16 : 8 + block.SpaceAbove;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td align=\"left\" style=\"padding:{above}px 16px 0 16px;\">").Append(block.Html).Append("</td></tr>\n");
            text.Append(block.Text).Append('\n');
            first = false;
        }
        html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:16px 16px 0 16px;\"><table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;border-top:1px solid {Rule};\"><tr><td style=\"padding:10px 0 12px 0;\">")
            .Append(footer.Html).Append("</td></tr></table></td></tr>\n")
            .Append("</table>\n<!--[if mso]></td></tr></table><![endif]-->\n</td></tr></table>\n</body>\n</html>\n");
        text.Append(footer.Text);
        return (html.ToString(), text.ToString());
    }

    private static MailBlock Facts(IEnumerable<(string Label, string Value)> facts, string indent)
    {
        var html = new StringBuilder($"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;\">");
        var text = new StringBuilder();
        foreach (var (label, value) in facts)
        {
            html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td valign=\"top\" width=\"30%\" style=\"width:30%;padding:2px 8px 2px 0;font-family:{FontStack};font-size:13px;line-height:20px;font-weight:bold;color:{Quiet};\">{E(label)}</td>")
                .Append(CultureInfo.InvariantCulture,
                    $"<td valign=\"top\" style=\"padding:2px 0;font-family:{FontStack};font-size:15px;line-height:20px;color:{Ink};\">{E(value)}</td></tr>");
            text.Append(indent).Append(label).Append(": ").Append(value).Append('\n');
        }
        html.Append("</table>");
        return new MailBlock(html.ToString(), text.ToString());
    }

    private static string Underline(string text, char line) => new(line, Math.Min(text.Length, 72));

    private static string Lines(string text) => string.Join("<br>", text.ReplaceLineEndings("\n").Split('\n').Select(E));

    /// <summary>Escapes markup only: letters such as é, £ and “ ” travel as they are, made safe by quoted-printable.</summary>
    private static string E(string text) => new StringBuilder(text)
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").ToString();
}
