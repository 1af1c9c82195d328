using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace HoldingToAccount.Core.Export;

/// <summary>
/// Writes <see cref="Block"/>s as a self-contained, accessible HTML page for the website: one h1, headings in order,
/// tables with a caption and column headers, the page's language set. Every piece of text is encoded, so nothing a
/// person typed into the register can become markup.
/// </summary>
public static class HtmlDocumentWriter
{
    private static readonly HtmlEncoder _encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string _style =
        "body{font-family:Arial,Helvetica,sans-serif;line-height:1.5;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1b1b1b}"
        + "h1,h2,h3{color:#1f3864}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}"
        + "caption{text-align:left;font-weight:bold;padding:.25rem 0}th,td{border:1px solid #595959;padding:.25rem .5rem;vertical-align:top;text-align:left}"
        + "th{background:#e7e6e6}td p{margin:.25rem 0}";

    public static string Write(IReadOnlyList<Block> blocks, DocumentInfo info)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(WordDocumentWriter.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(info.Title)).Append("</title>\n")
            .Append("<style>").Append(_style).Append("</style>\n</head>\n<body>\n<main>\n");
        foreach (var block in blocks)
            Render(html, block);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Render(StringBuilder html, Block block)
    {
        switch (block)
        {
            case Heading h:
                var level = Math.Clamp(h.Level, 1, 3);
                html.Append("<h").Append(level).Append('>').Append(Encode(h.Text)).Append("</h").Append(level).Append(">\n");
                break;
            case Paragraph p:
                html.Append("<p>");
                foreach (var span in p.Spans)
                    AppendSpan(html, span);
                html.Append("</p>\n");
                break;
            case BulletList list:
                html.Append("<ul>\n");
                foreach (var item in list.Items)
                    html.Append("<li>").Append(Encode(item)).Append("</li>\n");
                html.Append("</ul>\n");
                break;
            case Table table:
                html.Append("<table>\n<caption>").Append(Encode(table.Caption)).Append("</caption>\n<thead>\n<tr>");
                foreach (var header in table.Headers)
                    html.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
                html.Append("</tr>\n</thead>\n<tbody>\n");
                foreach (var row in table.Rows)
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                    {
                        html.Append("<td>");
                        foreach (var content in cell.Content)
                            Render(html, content);
                        html.Append("</td>");
                    }
                    html.Append("</tr>\n");
                }
                html.Append("</tbody>\n</table>\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown block.");
        }
    }

    private static void AppendSpan(StringBuilder html, Span span)
    {
        if (span.Bold)
            html.Append("<strong>");
        if (span.Italic)
            html.Append("<em>");
        html.Append(Encode(span.Text));
        if (span.Italic)
            html.Append("</em>");
        if (span.Bold)
            html.Append("</strong>");
    }

    private static string Encode(string text) => _encoder.Encode(ExportText.XmlSafe(text));
}
