using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace HoldingToAccount.Dashboard.Api;

/// <summary>
/// Documents out: meeting notes (.docx, HTML), the chair's actions pack, the action log (.xlsx, .csv) under the API's
/// authorisation, and calendar feeds that Outlook subscribes to with a revocable calendar token in the URL.
/// </summary>
public static class ExportEndpoints
{
    private const string _htmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    internal static void MapExports(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Exports");

        meetings.MapGet("/{id:int}/notes.docx", async Task<Results<FileContentHttpResult, NotFound>> (
                int id, string? variant, HttpContext context, NotesExport exports, CancellationToken ct) =>
            {
                var notes = await exports.LoadAsync(id, VariantFor(context, variant), ct);
                if (notes is null)
                    return TypedResults.NotFound();
                using var buffer = new MemoryStream();
                NotesDocument.WriteDocx(notes, buffer);
                return TypedResults.File(buffer.ToArray(), NotesDocument.DocxContentType, NotesDocument.FileName(notes, "notes", "docx"));
            })
            .WithName("getNotesDocx")
            .WithSummary("The meeting's notes in the office's layout as a Word document. variant=public leaves out restricted items; viewers always get the public variant.")
            .Produces(StatusCodes.Status200OK, contentType: NotesDocument.DocxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        meetings.MapGet("/{id:int}/notes.html", async Task<Results<ContentHttpResult, NotFound>> (
                int id, string? variant, HttpContext context, NotesExport exports, CancellationToken ct) =>
            {
                var notes = await exports.LoadAsync(id, VariantFor(context, variant), ct);
                if (notes is null)
                    return TypedResults.NotFound();
                context.Response.Headers.ContentSecurityPolicy = _htmlPolicy;
                return TypedResults.Content(NotesDocument.Html(notes), "text/html; charset=utf-8");
            })
            .WithName("getNotesHtml")
            .WithSummary("The meeting's notes as an accessible HTML page for the website. variant=public leaves out restricted items; viewers always get the public variant.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        meetings.MapGet("/{id:int}/actions-pack.docx", async Task<Results<FileContentHttpResult, NotFound>> (
                int id, HttpContext context, NotesExport exports, CancellationToken ct) =>
            {
                var notes = await exports.LoadAsync(id, VariantFor(context, null), ct);
                if (notes is null)
                    return TypedResults.NotFound();
                using var buffer = new MemoryStream();
                NotesDocument.WriteActionsPack(notes, buffer);
                return TypedResults.File(buffer.ToArray(), NotesDocument.DocxContentType, NotesDocument.FileName(notes, "actions-pack", "docx"));
            })
            .WithName("getActionsPack")
            .WithSummary("The actions pack: every action outstanding at the meeting, with owner, status and latest update, as a Word document.")
            .Produces(StatusCodes.Status200OK, contentType: NotesDocument.DocxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var actions = api.MapGroup("/actions").WithTags("Exports");

        actions.MapGet("/export.xlsx", async (string? owner, string? status, string? q, ActionLogExport exports, TimeProvider clock, HttpContext context,
                CancellationToken ct) =>
            {
                var filter = ActionEndpoints.Filter(owner, status, q, context.User.ToActor());
                // The sheet is written to a temporary file, not memory; the file goes when the response is sent.
                var file = new FileStream(Path.Combine(Path.GetTempPath(), $"hta-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
                    FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                try
                {
                    await exports.WriteXlsxAsync(filter, file, ct);
                    file.Position = 0;
                    return TypedResults.File(file, ActionLogExport.XlsxContentType, ActionLogExport.FileName("xlsx", London.Today(clock)));
                }
                catch
                {
                    await file.DisposeAsync();
                    throw;
                }
            })
            .WithName("exportActionLogXlsx")
            .WithSummary("The action log as a spreadsheet: the register filtered as /api/v1/actions is (owner, status, q), header row frozen, filters on, dates as dates.")
            .Produces(StatusCodes.Status200OK, contentType: ActionLogExport.XlsxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        actions.MapGet("/export.csv", (string? owner, string? status, string? q, ActionLogExport exports, TimeProvider clock, HttpContext context) =>
            {
                var filter = ActionEndpoints.Filter(owner, status, q, context.User.ToActor());
                return TypedResults.Stream(stream => exports.WriteCsvAsync(filter, stream), ActionLogExport.CsvContentType,
                    ActionLogExport.FileName("csv", London.Today(clock)));
            })
            .WithName("exportActionLogCsv")
            .WithSummary("The action log as CSV (RFC 4180, UTF-8), filtered as /api/v1/actions is (owner, status, q). Cells that a spreadsheet would run as a formula start with an apostrophe.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The calendar feeds. They sit outside the API's sign-in because calendar programs cannot sign in: the calendar
    /// token in the URL is the credential. An unknown or revoked token gets a plain 404 that says nothing more.
    /// </summary>
    public static void MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        var ical = app.MapGroup("/ical").AllowAnonymous().WithTags("Calendar feeds");

        ical.MapGet("/person/{token}.ics", async Task<Results<ContentHttpResult, NotFound>> (
                string token, TokenService tokens, UserManager<ApplicationUser> users, CalendarFeeds feeds, CancellationToken ct) =>
            {
                var user = await UserForAsync(token, tokens, users, ct);
                if (user?.PersonId is not { } personId)
                    return TypedResults.NotFound();
                var roles = await users.GetRolesAsync(user);
                var feed = await feeds.PersonFeedAsync(personId, new Actor(user.DisplayName, AppClaims.LevelOf(roles.Contains), personId), ct);
                return feed is null ? TypedResults.NotFound() : TypedResults.Text(feed, MeetingCalendar.ContentType);
            })
            .WithName("getPersonCalendar")
            .WithSummary("A person's calendar: the meetings they attend or whose series' actions they own, and the days their actions are due.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .Produces(StatusCodes.Status404NotFound);

        ical.MapGet("/series/{seriesId:int}/{token}.ics", async Task<Results<ContentHttpResult, NotFound>> (
                int seriesId, string token, TokenService tokens, UserManager<ApplicationUser> users, CalendarFeeds feeds, CancellationToken ct) =>
            {
                if (await UserForAsync(token, tokens, users, ct) is null)
                    return TypedResults.NotFound();
                var feed = await feeds.SeriesFeedAsync(seriesId, ct);
                return feed is null ? TypedResults.NotFound() : TypedResults.Text(feed, MeetingCalendar.ContentType);
            })
            .WithName("getSeriesCalendar")
            .WithSummary("Every meeting of a series, with stable UIDs; a moved meeting is sent as an update (SEQUENCE) and a cancelled one as STATUS:CANCELLED.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .Produces(StatusCodes.Status404NotFound);
    }

    /// <summary>Viewers read the public notes only, whatever they ask for.</summary>
    private static NotesVariant VariantFor(HttpContext context, string? asked)
    {
        var variant = asked?.Trim().ToLowerInvariant() switch
        {
            null or "" or "full" => NotesVariant.Full,
            "public" => NotesVariant.Public,
            _ => throw new DomainException($"Unknown variant '{asked}'. Use full or public."),
        };
        return context.User.ToActor().Level == AccessLevel.Viewer ? NotesVariant.Public : variant;
    }

    private static async Task<ApplicationUser?> UserForAsync(string token, TokenService tokens, UserManager<ApplicationUser> users, CancellationToken ct)
    {
        var userId = await tokens.UserForCalendarTokenAsync(token, ct);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        return user is null || user.Disabled ? null : user;
    }
}
