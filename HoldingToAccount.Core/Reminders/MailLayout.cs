using System.Buffers;
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
    public static MailBlock Button(string text, string url)
    {
        var html = Builder.Rent();
        WriteButton(html, text, url);
        return new MailBlock(Builder.Return(html), $"{text}: {url}\n", 4);
    }

    /// <summary>An action as one bordered block: "2017/01: text" as a heading, its facts, a button to act on it.</summary>
    public static MailBlock Action(MailAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var html = Builder.Rent()
            .Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;border:1px solid {Rule};border-left:4px solid {Accent};\">")
            .Append("<tr><td style=\"padding:8px 12px 10px 12px;\">")
            .Append(CultureInfo.InvariantCulture, $"<h3 style=\"margin:0 0 6px 0;font-family:{FontStack};font-size:16px;line-height:22px;font-weight:bold;color:{Ink};\">")
            .Append(CultureInfo.InvariantCulture, $"<span style=\"font-family:{FontStack};color:{Accent};\">").AppendEscaped(action.Reference).Append(":</span> ")
            .AppendEscaped(action.Text).Append("</h3>");
        var text = new StringBuilder().Append("* ").Append(action.Reference).Append("  ").Append(action.Text).Append('\n');
        WriteFacts(html, text, action.Facts, "    ");
        html.Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;\"><tr><td style=\"padding-top:6px;\">");
        WriteButton(html, action.LinkText, action.Url);
        html.Append("</td></tr></table>").Append("</td></tr></table>");
        text.Append("    ").Append(action.LinkText).Append(": ").Append(action.Url).Append('\n');
        return new MailBlock(Builder.Return(html), text.ToString(), 0);
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
        var pieces = blocks as IReadOnlyCollection<MailBlock> ?? blocks.ToList();
        var html = Builder.Rent()
            .Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"x-apple-disable-message-reformatting\">\n")
            .Append("<title>").AppendEscaped(title).Append("</title>\n</head>\n")
            .Append(CultureInfo.InvariantCulture, $"<body style=\"margin:0;padding:0;background-color:{Page};\">\n")
            .Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;background-color:{Page};\">")
            .Append("<tr><td align=\"center\" style=\"padding:12px 6px;\">\n")
            .Append(CultureInfo.InvariantCulture, $"<!--[if mso]><table role=\"presentation\" width=\"{Width}\" {Tight}><tr><td><![endif]-->\n")
            .Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;max-width:{Width}px;background-color:#ffffff;border:1px solid {Rule};\">\n")
            .Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:8px 16px;background-color:{Band};font-family:{FontStack};font-size:13px;line-height:18px;font-weight:bold;color:#ffffff;\">")
            .AppendEscaped(Product).Append("</td></tr>\n");
        var first = true;
        foreach (var block in pieces)
        {
            var above = first ? 16 : 8 + block.SpaceAbove;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td align=\"left\" style=\"padding:{above}px 16px 0 16px;\">").Append(block.Html).Append("</td></tr>\n");
            first = false;
        }
        html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:16px 16px 0 16px;\"><table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;border-top:1px solid {Rule};\"><tr><td style=\"padding:10px 0 12px 0;\">")
            .Append(footer.Html).Append("</td></tr></table></td></tr>\n")
            .Append("</table>\n<!--[if mso]></td></tr></table><![endif]-->\n</td></tr></table>\n</body>\n</html>\n");
        var document = Builder.Return(html);

        var text = Builder.Rent().Append(Product).Append("\n\n");
        foreach (var block in pieces)
            text.Append(block.Text).Append('\n');
        text.Append(footer.Text);
        return (document, Builder.Return(text));
    }

    private static MailBlock Facts(IEnumerable<(string Label, string Value)> facts, string indent)
    {
        var html = Builder.Rent();
        var text = new StringBuilder();
        WriteFacts(html, text, facts, indent);
        return new MailBlock(Builder.Return(html), text.ToString());
    }

    private static void WriteFacts(StringBuilder html, StringBuilder text, IEnumerable<(string Label, string Value)> facts, string indent)
    {
        html.Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"100%\" {Tight} style=\"width:100%;\">");
        foreach (var (label, value) in facts)
        {
            html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td valign=\"top\" width=\"30%\" style=\"width:30%;padding:2px 8px 2px 0;font-family:{FontStack};font-size:13px;line-height:20px;font-weight:bold;color:{Quiet};\">")
                .AppendEscaped(label)
                .Append(CultureInfo.InvariantCulture, $"</td><td valign=\"top\" style=\"padding:2px 0;font-family:{FontStack};font-size:15px;line-height:20px;color:{Ink};\">")
                .AppendEscaped(value).Append("</td></tr>");
            text.Append(indent).Append(label).Append(": ").Append(value).Append('\n');
        }
        html.Append("</table>");
    }

    private static void WriteButton(StringBuilder html, string text, string url) => html
        .Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" {Tight} style=\"border-collapse:separate;\"><tr>")
        .Append(CultureInfo.InvariantCulture, $"<td bgcolor=\"{Accent}\" style=\"padding:8px 14px;background-color:{Accent};border-radius:4px;\">")
        .Append("<a href=\"").AppendEscaped(url)
        .Append(CultureInfo.InvariantCulture, $"\" style=\"font-family:{FontStack};font-size:15px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;\">")
        .AppendEscaped(text).Append("</a>")
        .Append("</td></tr></table>");

    private static string Underline(string text, char line) => new(line, Math.Min(text.Length, 72));

    private static string Lines(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0 ? E(text) : string.Join("<br>", text.ReplaceLineEndings("\n").Split('\n').Select(E));

    private static readonly SearchValues<char> Markup = SearchValues.Create("&<>\"");

    /// <summary>Escapes markup only: letters such as é, £ and “ ” travel as they are, made safe by quoted-printable.</summary>
    private static string E(string text) => text.AsSpan().ContainsAny(Markup) ? Builder.Return(Builder.Rent().AppendEscaped(text)) : text;

    private static StringBuilder AppendEscaped(this StringBuilder builder, string text)
    {
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(Markup); at >= 0; at = rest.IndexOfAny(Markup))
        {
            builder.Append(rest[..at]).Append(rest[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&quot;",
            });
            rest = rest[(at + 1)..];
        }
        return builder.Append(rest);
    }

    /// <summary>
    /// One builder per thread, kept between messages: a digest is written from hundreds of pieces, and a new builder
    /// (and its growing buffers) for each piece was most of the cost of composing it. A builder taken and not yet
    /// given back is not shared: whoever asks meanwhile gets a new one.
    /// </summary>
    private static class Builder
    {
        [ThreadStatic]
        private static StringBuilder? _kept;

        public static StringBuilder Rent()
        {
            var builder = _kept ?? new StringBuilder(4096);
            _kept = null;
            return builder;
        }

        public static string Return(StringBuilder builder)
        {
            var text = builder.ToString();
            _kept = builder.Clear();
            return text;
        }
    }
}
