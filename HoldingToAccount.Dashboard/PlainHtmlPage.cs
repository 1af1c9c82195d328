namespace HoldingToAccount.Dashboard;

/// <summary>
/// A short page written straight to the response by middleware, before any component renders (a 404 or 429 that must
/// keep its status): the same accessible shell for each, with the caller's title, head and content.
/// </summary>
internal static class PlainHtmlPage
{
    private const string OwnStyle = "<style>body{font-family:system-ui,sans-serif;font-size:1.25rem;line-height:1.5;margin:2rem;max-width:40rem}</style>";

    /// <param name="title">The whole document title, already HTML-safe.</param>
    /// <param name="body">The content of the page's main landmark, already HTML-safe.</param>
    /// <param name="head">Extra head elements, such as a refresh.</param>
    /// <param name="stylesheet">The site stylesheet the page shares; without one it carries a small style of its own.</param>
    public static string Render(string title, string body, string? head = null, string? stylesheet = null) =>
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{title}</title>{head}{(stylesheet is null ? OwnStyle : $"<link rel=\"stylesheet\" href=\"{stylesheet}\">")}</head>"
        + $"<body><main id=\"content\">{body}</main></body></html>";
}
