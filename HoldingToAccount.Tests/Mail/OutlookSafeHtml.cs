using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace HoldingToAccount.Tests.Mail;

/// <summary>
/// Markup that Outlook on Windows (Word's engine), Outlook on the web, Gmail and Apple Mail all draw the same way:
/// layout by presentation tables, every style inline on its element (no &lt;style&gt; block, no classes), a font
/// named on the text's own cell, nothing wider than 600 px, none of the CSS Word ignores — and what a screen reader
/// needs: a language, one short heading, links that say where they go.
/// </summary>
public static partial class OutlookSafeHtml
{
    public const int MaxWidth = 600;

    /// <summary>A heading longer than this is a sentence (a subject line), not a heading.</summary>
    public const int LongestHeading = 48;

    private static readonly HashSet<string> Blocks = ["body", "table", "td", "th", "p", "h1", "h2", "h3", "h4", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre"];
    private static readonly HashSet<string> LayoutElements = ["div", "section", "article", "header", "footer", "main", "nav", "aside", "figure"];
    private static readonly HashSet<string> Vague = ["click here", "here", "link", "this link", "more", "read more"];

    public static IReadOnlyList<string> Problems(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var problems = new List<string>();
        void Problem(IElement element, string what) => problems.Add($"<{element.LocalName}>{Where(element)}: {what}");

        if (string.IsNullOrWhiteSpace(document.DocumentElement.GetAttribute("lang")))
            problems.Add("<html> has no lang");
        foreach (var element in document.QuerySelectorAll("style, link[rel~=stylesheet], script"))
            Problem(element, "styles or scripts outside the elements they shape");

        var headings = document.QuerySelectorAll("h1");
        if (headings.Length != 1)
            problems.Add($"{headings.Length} <h1> elements, not one");
        foreach (var h1 in headings)
        {
            var text = Squash(h1.TextContent);
            if (text.Length > LongestHeading)
                Problem(h1, $"the heading is {text.Length} characters long: \"{text}\"");
            if (text == Squash(document.Title ?? ""))
                Problem(h1, "the heading repeats the whole subject");
        }

        foreach (var element in document.Body?.QuerySelectorAll("*").Prepend(document.Body) ?? [])
        {
            var name = element.LocalName;
            var style = element.GetAttribute("style") ?? "";
            if (element.HasAttribute("class"))
                Problem(element, "has a class: its look would depend on a stylesheet");
            if (LayoutElements.Contains(name))
                Problem(element, "lays out with a box Outlook does not size; use a presentation table");
            if (Blocks.Contains(name) && string.IsNullOrWhiteSpace(style))
                Problem(element, "has no inline style");
            if (name == "table" && element.GetAttribute("role") != "presentation")
                Problem(element, "is a layout table without role=\"presentation\"");
            if (Unsupported().Match(style) is { Success: true } css)
                Problem(element, $"uses CSS Outlook ignores: {css.Value.Trim()}");
            if (element.GetAttribute("width") is { } width && Pixels(width) > MaxWidth)
                Problem(element, $"width=\"{width}\" is wider than {MaxWidth}");
            foreach (Match m in Widths().Matches(style))
                if (int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) > MaxWidth)
                    Problem(element, $"{m.Value} is wider than {MaxWidth}px");
            if (element.ChildNodes.OfType<IText>().Any(t => !string.IsNullOrWhiteSpace(t.Data)) && !HasFont(element))
                Problem(element, $"its text \"{Squash(element.TextContent)[..Math.Min(30, Squash(element.TextContent).Length)]}\" names no font in its cell");
            if (name == "a")
            {
                var words = Squash(element.TextContent);
                if (!(element.GetAttribute("href") ?? "").StartsWith("http", StringComparison.Ordinal))
                    Problem(element, "the link has no web address");
                if (words.Length == 0 || Vague.Contains(words.ToLowerInvariant()))
                    Problem(element, $"the link text \"{words}\" does not say where it goes");
            }
            if (name == "img" && !element.HasAttribute("alt"))
                Problem(element, "the image has no alt text");
        }
        return problems;
    }

    /// <summary>Word's engine does not pass a font from a cell into the tables inside it, so the font must be named
    /// on the text's element or an ancestor within the same cell; a font on the body alone is not enough.</summary>
    private static bool HasFont(IElement element)
    {
        for (var e = element; e is not null && e.LocalName != "body"; e = e.ParentElement)
        {
            if ((e.GetAttribute("style") ?? "").Contains("font-family", StringComparison.OrdinalIgnoreCase))
                return true;
            if (e.LocalName is "td" or "th")
                return false;
        }
        return false;
    }

    private static int Pixels(string width) =>
        int.TryParse(width.Trim().Replace("px", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var px) ? px : 0;

    private static string Where(IElement element)
    {
        var text = Squash(element.TextContent);
        return text.Length == 0 ? "" : $" (\"{text[..Math.Min(40, text.Length)]}\")";
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"(?:^|;)\s*(?:display\s*:\s*(?:inline-)?(?:flex|grid)|position\s*:|float\s*:|margin(?:-left|-right)?\s*:[^;]*\bauto\b|[^;]*\b(?:calc|var)\()[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex Unsupported();

    [GeneratedRegex(@"(?:^|;)\s*((?:min-|max-)?width)\s*:\s*(\d+)px", RegexOptions.IgnoreCase)]
    private static partial Regex Widths();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
