using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HoldingToAccount.Core.Import;

/// <summary>
/// A small, linear HTML-to-text converter: block elements become line breaks, table cells tabs, entities are decoded,
/// and the content of scripts, styles and other non-text elements is dropped. It keeps no element stack, so deep
/// nesting cannot overflow it; nesting beyond <see cref="MaxDepth"/> is refused as hostile.
/// </summary>
public static partial class HtmlToText
{
    public const int MaxDepth = 400;

    private static readonly HashSet<string> _dropContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "head-script", "xml",
    };

    private static readonly HashSet<string> _void = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source", "param", "track", "embed",
    };

    // Elements whose end tag HTML lets authors leave out: not counted towards the nesting depth.
    private static readonly HashSet<string> _optionalEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
    };

    private static readonly HashSet<string> _block = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "header",
        "footer", "blockquote", "pre", "title", "dt", "dd", "dl", "address", "figure", "figcaption", "main", "nav", "aside",
        "form", "fieldset", "hr", "br", "tbody", "thead", "tfoot", "caption", "body", "html", "center",
    };

    /// <summary>True when the text carries HTML tags (fragments pasted into a plain-text export).</summary>
    public static bool LooksLikeHtml(string text)
    {
        try
        {
            return HtmlTagRegex().IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <param name="keepLayout">
    /// True for fragments inside a plain-text layout: its own line breaks and tabs are kept. False for a page, where
    /// white space runs collapse to one space as a browser shows them.
    /// </param>
    public static string Convert(string html, string fileName, bool keepLayout)
    {
        var output = new StringBuilder(html.Length);
        var run = new StringBuilder();
        var depth = 0;
        var cellStart = -1;
        var scan = new TagScan { LastTagEnd = html.LastIndexOf('>') };
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length || !StartsMarkup(html[i + 1]))
            {
                run.Append(c);
                i++;
                continue;
            }

            Flush(output, run, keepLayout);
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (endComment < 0)
                    throw Malformed(fileName, "an HTML comment is never closed");
                i = endComment + 3;
                continue;
            }

            var end = TagEnd(html, i + 1, ref scan);
            if (end < 0)
            {
                // A tag cut off by the end of the file, or a '<' in the text: kept as text, so nothing the author wrote is lost.
                run.Append(c);
                i++;
                continue;
            }
            var closing = html[i + 1] == '/';
            var name = TagName(html, closing ? i + 2 : i + 1);
            i = end + 1;
            if (name.Length == 0)
                continue; // <!DOCTYPE>, <?xml?> and the like

            if (!closing && _dropContent.Contains(name))
            {
                i = SkipPast(html, i, name);
                continue;
            }

            if (!closing && !_void.Contains(name) && !_optionalEnd.Contains(name) && html[end - 1] != '/')
            {
                if (++depth > MaxDepth)
                    throw new DomainException($"'{fileName}' nests HTML elements more than {MaxDepth} deep; it cannot be imported.");
            }
            else if (closing && !_optionalEnd.Contains(name) && depth > 0)
            {
                depth--;
            }

            if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                if (closing)
                {
                    // A cell's last paragraph ends the cell, not a line: the row stays one line of columns (as in Word).
                    while (output.Length > cellStart && output[^1] is '\n' or ' ')
                        output.Length--;
                    output.Append('\t');
                }
                cellStart = closing ? -1 : output.Length;
            }
            else if (_block.Contains(name) && cellStart >= 0 && !CellHasText(output, cellStart))
            {
                // A paragraph opening a cell ("<td><p>Name</p></td>") does not break the row.
            }
            else if (!closing && name.Equals("li", StringComparison.OrdinalIgnoreCase))
            {
                output.Append("\n• "); // a list item reads as a bullet, as Word's list paragraphs do
            }
            else if (_block.Contains(name))
            {
                output.Append('\n');
            }
        }
        Flush(output, run, keepLayout);
        return output.ToString();
    }

    private static bool CellHasText(StringBuilder output, int cellStart)
    {
        for (var at = cellStart; at < output.Length; at++)
        {
            if (!char.IsWhiteSpace(output[at]))
                return true;
        }
        return false;
    }

    private static bool StartsMarkup(char next) => char.IsAsciiLetter(next) || next is '/' or '!' or '?';

    private static void Flush(StringBuilder output, StringBuilder run, bool keepLayout)
    {
        if (run.Length == 0)
            return;
        var text = WebUtility.HtmlDecode(run.ToString());
        run.Clear();
        if (keepLayout)
        {
            output.Append(text);
            return;
        }
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (output.Length > 0 && output[^1] is not (' ' or '\n' or '\t'))
                    output.Append(' ');
            }
            else
            {
                output.Append(c);
            }
        }
    }

    /// <summary>
    /// The index of the '&gt;' that ends the tag starting before <paramref name="from"/>, quotes respected; -1 if none.
    /// Once a quote is found never to close (Word writes such attributes now and then), quotes are no longer trusted
    /// and the first '&gt;' ends each tag: a scan to the end of the file happens at most once.
    /// </summary>
    private static int TagEnd(string html, int from, ref TagScan scan)
    {
        if (from > scan.LastTagEnd)
            return -1;
        if (!scan.QuotesUnreliable)
        {
            var quoted = QuotedTagEnd(html, from);
            if (quoted >= 0)
                return quoted;
            scan.QuotesUnreliable = true;
        }
        return html.IndexOf('>', from);
    }

    private static int QuotedTagEnd(string html, int from)
    {
        char? quote = null;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is { } q)
            {
                if (c == q)
                    quote = null;
            }
            else if (c is '"' or '\'' && i > from && html[i - 1] == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }
        return -1;
    }

    private static string TagName(string html, int from)
    {
        var to = from;
        while (to < html.Length && (char.IsAsciiLetterOrDigit(html[to]) || html[to] == '-'))
            to++;
        return to > from && char.IsAsciiLetter(html[from]) ? html[from..to] : "";
    }

    /// <summary>Skips the content of a script-like element up to and past its end tag (or to the end of the input).</summary>
    private static int SkipPast(string html, int from, string name)
    {
        var endTag = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        if (endTag < 0)
            return html.Length;
        var close = html.IndexOf('>', endTag);
        return close < 0 ? html.Length : close + 1;
    }

    private struct TagScan
    {
        /// <summary>Where the last '&gt;' is: a tag starting after it never ends, known without a scan.</summary>
        public int LastTagEnd;

        public bool QuotesUnreliable;
    }

    private static DomainException Malformed(string fileName, string why) =>
        new($"'{fileName}' is not well-formed HTML: {why}.");

    [GeneratedRegex(@"<(?:p|b|i|u|ul|ol|li|div|br|span|table|tr|td|th|strong|em|h[1-6]|html|body|font)\b[^<>]{0,500}>",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex HtmlTagRegex();
}
