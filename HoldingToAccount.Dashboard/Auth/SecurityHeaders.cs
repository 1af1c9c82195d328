namespace HoldingToAccount.Dashboard.Auth;

internal static class SecurityHeaders
{
    /// <summary>
    /// Responses that carry records or live state: the API, its exports (Word, HTML, spreadsheet, CSV), the calendar
    /// feeds and health. None may sit in a browser's or a proxy's cache, where the next person at a shared PC could open it.
    /// </summary>
    private static readonly PathString[] _neverStored = ["/api", "/ical", "/healthz", "/openapi"];

    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            headers.XFrameOptions = "DENY";
            if (Array.Exists(_neverStored, prefix => context.Request.Path.StartsWithSegments(prefix)))
                headers.CacheControl = "no-store";
            return next(context);
        });
    }
}
