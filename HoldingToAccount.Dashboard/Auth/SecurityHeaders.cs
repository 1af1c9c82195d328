using System.Security.Cryptography;

namespace HoldingToAccount.Dashboard.Auth;

internal static class SecurityHeaders
{
    /// <summary>
    /// Responses that carry records or live state: the API, its exports (Word, HTML, spreadsheet, CSV), the calendar
    /// feeds and health. None may sit in a browser's or a proxy's cache, where the next person at a shared PC could open it.
    /// </summary>
    private static readonly PathString[] _neverStored = ["/api", "/ical", "/healthz", "/openapi"];

    private const string NonceKey = "csp-script-nonce";

    /// <summary>The nonce that lets the page's one inline script, Blazor's import map, run.</summary>
    public static string ScriptNonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.Use((context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // Scripts and connections (the circuit's WebSocket included) only from the app itself; MudBlazor sets
            // inline styles as it lays out, so styles may be inline. Hangfire's dashboard writes inline scripts of its own.
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire")
                ? "frame-ancestors 'none'"
                : $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                  + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
            headers.XFrameOptions = "DENY";
            if (Array.Exists(_neverStored, prefix => context.Request.Path.StartsWithSegments(prefix)))
                headers.CacheControl = "no-store";
            return next(context);
        });
    }
}
