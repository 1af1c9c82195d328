using System.Security.Cryptography;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Publishing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HoldingToAccount.Dashboard.Public;

/// <summary>
/// The anonymous part of the site under <c>/public</c>: the pages (static server rendering, no circuit), each published
/// meeting's notes as .docx, and the Atom feed. Only what <see cref="PublicRecord"/> lets out is served; anything else
/// is "not found", exactly like an id that does not exist.
/// </summary>
public static class PublicEndpoints
{
    public const string Prefix = "/public";

    /// <summary>Published notes change rarely and a withdrawal must not linger in caches: five minutes.</summary>
    private const string Cacheable = "public, max-age=300";

    private const string Publisher = "Office of the Police and Crime Commissioner";

    /// <summary>Lets browsers and proxies keep public responses a short while. A response that sets a cookie (a signed-in
    /// visitor's session being renewed) or is not a success is never stored.</summary>
    public static void UsePublicCaching(this WebApplication app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix), branch => branch.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                response.Headers.CacheControl = response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified && response.Headers.SetCookie.Count == 0
                    ? Cacheable
                    : "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        }));

    /// <summary>
    /// The notes page of a meeting that is not published (or does not exist) answers 404 with a short page of its own,
    /// before any page is rendered: a rendered page cannot both say so and keep the 404.
    /// </summary>
    public static void UseUnpublishedNotFound(this WebApplication app) =>
        app.UseWhen(context => HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments(Prefix + "/meetings", out var rest)
                && rest.Value is { Length: > 1 } id && int.TryParse(id.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _),
            branch => branch.Use(async (context, next) =>
            {
                var id = int.Parse(context.Request.Path.Value!.AsSpan((Prefix + "/meetings/").Length), System.Globalization.CultureInfo.InvariantCulture);
                if (await context.RequestServices.GetRequiredService<PublicRegister>().MeetingAsync(id, context.RequestAborted) is { } meeting)
                {
                    context.Items[typeof(PublicMeeting)] = meeting;
                    await next(context);
                    return;
                }
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(NotPublishedPage, context.RequestAborted);
            }));

    /// <summary>What a visitor reads at the address of notes that are not published, from the middleware or the page.</summary>
    internal const string NotPublishedTitle = "Notes not found – Police and Crime Commissioner";
    internal const string NotPublishedContent = "<h1>These notes are not published</h1>"
        + "<p>There are no published notes at this address. They may have been withdrawn, or the address may be wrong.</p>"
        + "<p><a href=\"/public\">See all published notes</a></p>";

    private static readonly string NotPublishedPage = PlainHtmlPage.Render(NotPublishedTitle, NotPublishedContent, stylesheet: "/public.css");

    public static void MapPublicPages(this WebApplication app)
    {
        var group = app.MapGroup(Prefix).AllowAnonymous().WithTags("Public").ExcludeFromDescription();

        group.MapGet("/meetings/{id:int}/notes.docx", async (int id, HttpContext context, PublicRegister register, CancellationToken ct) =>
        {
            var notes = await register.NotesAsync(id, ct);
            if (notes is null)
                return Results.Text("These notes are not published.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            using var buffer = new MemoryStream();
            NotesDocument.WriteDocx(notes, buffer);
            return Versioned(context, buffer.ToArray(), NotesDocument.DocxContentType, NotesDocument.FileName(notes, "notes", "docx"));
        });

        group.MapGet("/feed.atom", async (HttpContext context, PublicRegister register, IOptions<PublicLinkOptions> links, CancellationToken ct) =>
        {
            var feed = PublicFeed.Write(await register.MeetingsAsync(ct), links.Value, Publisher);
            return Versioned(context, System.Text.Encoding.UTF8.GetBytes(feed), PublicFeed.ContentType, null);
        });
    }

    /// <summary>Answers with an ETag of the content, and 304 when the caller already holds that version.</summary>
    private static IResult Versioned(HttpContext context, byte[] content, string contentType, string? downloadName)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
        context.Response.Headers.ETag = etag.ToString();
        var held = context.Request.GetTypedHeaders().IfNoneMatch;
        if (held.Any(h => h.Compare(etag, useStrongComparison: false)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return downloadName is null ? Results.Bytes(content, contentType) : Results.File(content, contentType, downloadName);
    }
}
