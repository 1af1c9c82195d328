using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;

namespace HoldingToAccount.Dashboard.Auth;

/// <summary>How many requests a minute each caller may make, under <c>RateLimits:</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts from one client (its own address, or the one a trusted proxy forwards).</summary>
    public int SignInPerClient { get; set; } = 10;

    /// <summary>Requests made with one API token.</summary>
    public int PerToken { get; set; } = 600;

    /// <summary>API requests of one signed-in person.</summary>
    public int PerUser { get; set; } = 600;

    /// <summary>Loads of one room-screen board (its display link).</summary>
    public int PerBoard { get; set; } = 120;
}

/// <summary>
/// Limits partitioned by who is asking, never by the address alone: behind the office's reverse proxy every person shares
/// one address, and one busy token or a run of failed sign-ins must not shut out everyone else. The account itself is
/// protected by Identity's lockout (five failures, fifteen minutes).
/// </summary>
public static class RateLimits
{
    public static void AddAppRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, cancel) => RejectAsync(rejected.HttpContext, rejected.Lease, cancel);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PartitionFor(context, limits));
        });
    }

    /// <summary>
    /// Trusts <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the proxies named in
    /// <c>App:ForwardedHeaders:KnownProxies</c> (addresses) and <c>App:ForwardedHeaders:KnownNetworks</c> (CIDR), and from
    /// loopback, so the client's own address reaches the limits and HTTPS at the proxy keeps HSTS and secure cookies.
    /// </summary>
    public static void AddForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("App:ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        var badProxy = proxies.FirstOrDefault(p => !IPAddress.TryParse(p, out _));
        var badNetwork = networks.FirstOrDefault(n => !System.Net.IPNetwork.TryParse(n, out _));
        if (badProxy is not null || badNetwork is not null)
            throw new InvalidOperationException(badProxy is not null
                ? $"App:ForwardedHeaders:KnownProxies has \"{badProxy}\", which is not an IP address (e.g. 10.0.0.5)."
                : $"App:ForwardedHeaders:KnownNetworks has \"{badNetwork}\", which is not a network in CIDR form (e.g. 10.0.0.0/24).");
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    private static RateLimitPartition<string> PartitionFor(HttpContext context, RateLimitOptions limits)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/account/login"))
            return PerMinute("sign-in:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limits.SignInPerClient);
        if (request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
            return PerMinute("token:" + Fingerprint(authorization), limits.PerToken);
        if (request.Path.StartsWithSegments("/board", out var display))
            return PerMinute("board:" + Fingerprint(display.Value ?? ""), limits.PerBoard);
        if (request.Path.StartsWithSegments("/api") && context.User.Identity is { IsAuthenticated: true, Name: { } name })
            return PerMinute("user:" + name, limits.PerUser);
        return RateLimitPartition.GetNoLimiter("none");
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) });

    /// <summary>Tokens and display links are secrets: the limiter keeps only a digest of them.</summary>
    private static string Fingerprint(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>
    /// The API answers problem details; a page answers a short page that reloads itself when the limit lifts, so a
    /// room-screen board that reloaded at a busy moment comes back by itself and keeps its display link.
    /// </summary>
    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, CancellationToken cancel)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(30);
        var seconds = Math.Clamp((int)Math.Ceiling(wait.TotalSeconds), 1, 60);
        var response = context.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/ical") || request.Headers.Authorization.Count > 0)
        {
            await Results.Problem(title: "Too many requests", statusCode: StatusCodes.Status429TooManyRequests,
                detail: $"This caller has made too many requests in the last minute. Try again in {seconds} seconds.").ExecuteAsync(context);
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        var signIn = HttpMethods.IsPost(request.Method);
        await response.WriteAsync(signIn ? SignInBusyPage(seconds) : BusyPage(seconds), cancel);
    }

    private static string BusyPage(int seconds) => PlainHtmlPage.Render("Busy – trying again – Holding to Account",
        "<h1>Busy for a moment</h1>"
        + $"<p role=\"status\">This screen has asked for the page too often. It tries again by itself in {seconds} seconds; there is nothing to do.</p>",
        $"<meta http-equiv=\"refresh\" content=\"{seconds}\">");

    private static string SignInBusyPage(int seconds) => PlainHtmlPage.Render("Too many sign-in attempts – Holding to Account",
        "<h1>Too many sign-in attempts</h1>"
        + $"<p role=\"alert\">There have been too many sign-in attempts from this computer in the last minute. Wait {seconds} seconds, then "
        + "<a href=\"/account/login\">try signing in again</a>.</p>");
}
