using System.Globalization;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoldingToAccount.Dashboard.Api;

internal static class ActionEndpoints
{
    /// <summary>
    /// The register's filter from the query parameters the list and its exports share: owner role code, status
    /// (<see cref="StatusFilter"/>: "open" is every action not closed or cancelled) and text or a reference.
    /// </summary>
    public static ActionFilter Filter(string? owner, string? status, string? q, Actor reader) =>
        StatusFilter.Apply(StatusFilter.Parse(status), new ActionFilter(owner, Text: q, Reader: reader));

    /// <summary>The register page's query from the API's parameters, so the API filters exactly as the page does.</summary>
    private static RegisterQuery RegisterQueryFrom(string? owner, string? status, string? q, DateTimeOffset? since, int? dueMeeting, bool? overdue, int? carriedAtLeast,
        Actor reader)
    {
        if (carriedAtLeast is < 0)
            throw new DomainException("carriedAtLeast cannot be negative.");
        var filter = Filter(owner, status, q, reader);
        return new RegisterQuery(filter.Owner, filter.Status, DueMeetingId: dueMeeting, Text: filter.Text, MinTimesCarried: carriedAtLeast,
            OverdueOnly: overdue ?? false, OpenOnly: filter.OpenOnly, ChangedSinceUtc: since?.UtcDateTime, Reader: reader);
    }

    /// <summary>The same request continued after the last row shown: every filter kept, page dropped.</summary>
    private static string NextLink(HttpRequest request, string lastReference, int size)
    {
        var query = request.Query.Where(p => p.Key is not ("page" or "after" or "pageSize"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("pageSize", size.ToString(CultureInfo.InvariantCulture)))
            .Append(new("after", ActionReference.ToUrl(lastReference)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }

    public static void MapActions(this RouteGroupBuilder api)
    {
        var actions = api.MapGroup("/actions").WithTags("Actions");

        actions.MapGet("/", async (
                string? owner, string? status, string? q, DateTimeOffset? since, int? dueMeeting, bool? overdue, int? carriedAtLeast,
                int? page, int? pageSize, string? after, ActionService service, HttpContext context, CancellationToken ct) =>
            {
                var query = RegisterQueryFrom(owner, status, q, since, dueMeeting, overdue, carriedAtLeast, context.User.ToActor());
                var size = Math.Clamp(pageSize ?? 50, 1, 500);
                if (after is null && page is > 1)
                {
                    var skip = (int)Math.Min((long)(page.Value - 1) * size, int.MaxValue);
                    var numbered = await service.SearchAsync(query, skip, size, ct);
                    var more = numbered.Items.Count > 0 && skip + numbered.Items.Count < numbered.Total;
                    return TypedResults.Ok(new ActionPage(numbered.Items, numbered.Total, page.Value, size,
                        more ? NextLink(context.Request, numbered.Items[^1].Reference, size) : null));
                }
                var slice = await service.SliceAsync(query, after, size, ct);
                return TypedResults.Ok(new ActionPage(slice.Items, slice.Total, slice.Number, size,
                    slice.ContinueAfter is { } next ? NextLink(context.Request, next, size) : null));
            })
            .WithName("listActions")
            .WithSummary("The register, newest first, filtered as the register page filters it.")
            .WithDescription("Filters, all optional and combined: owner (role code); status (\"open\" is every action not closed or cancelled; or one of awaiting-update, UpdateProvided, ProposedComplete, Closed, Cancelled); q (every word, in any order, starting a word of the action, its agenda item or its updates, or a reference); since (an instant with its offset, e.g. 2017-02-01T09:00:00Z: actions whose history gained an update, decision or correction at or after it, for incremental refresh); dueMeeting (a meeting id: actions due at that meeting); overdue (true: open actions whose due point has passed); carriedAtLeast (actions carried at least that many times). Paging: pageSize 1-500 (default 50); follow `next` (null on the last page) to read on without repeats or gaps while the register changes; page (from 1) still picks a numbered page.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        actions.MapGet("/{reference}", async Task<Results<Ok<ActionDetail>, NotFound>> (string reference, ActionService service, HttpContext context, CancellationToken ct) =>
            await service.GetAsync(reference, context.User.ToActor(), ct) is { } action ? TypedResults.Ok(action) : TypedResults.NotFound())
            .WithName("getAction")
            .WithSummary("One action by reference, with '/' written '-' (2017-03), and its updates.");

        actions.MapPost("/{reference}/updates", async Task<Results<Created<ActionDetail>, NotFound>> (
                string reference, NewUpdate body, ActionService service, HttpContext context, CancellationToken ct) =>
            {
                ActionStatus? status = body.Status switch
                {
                    null or "" => null,
                    var s when Enum.TryParse<ActionStatus>(s, ignoreCase: true, out var parsed) => parsed,
                    var s => throw new DomainException($"Unknown status '{s}'. An update may set UpdateProvided or ProposedComplete."),
                };
                await service.AddUpdateAsync(reference, body.Version, body.Text ?? "", status, context.User.ToActor(), ct: ct);
                var detail = await service.GetAsync(reference, context.User.ToActor(), ct);
                return detail is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/actions/{ActionReference.ToUrl(detail.Action.Reference)}", detail);
            })
            .RequireAuthorization(Auth.Policies.Update)
            .WithName("postActionUpdate")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Posts a dated update (optionally proposing completion). Officers may update only actions owned by a role they hold today. Give the version you read to have a stale edit refused (409).");
    }
}

/// <summary>An update as posted to the API: the text, an optional new status, and the version the writer last read.</summary>
internal sealed record NewUpdate(string? Text, string? Status, int? Version);

/// <summary>A page of the register. <paramref name="Next"/>: the address of the following page (same filters, continuing
/// after this page's last action), null on the last page.</summary>
internal sealed record ActionPage(IReadOnlyList<ActionRow> Items, int Total, int Page, int PageSize, string? Next);
