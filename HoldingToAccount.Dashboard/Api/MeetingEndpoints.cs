using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoldingToAccount.Dashboard.Api;

internal static class MeetingEndpoints
{
    public static void MapMeetings(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Meetings");

        meetings.MapGet("/", async (DateOnly? from, DateOnly? to, MeetingService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(from, to, ct)))
            .WithName("listMeetings")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Meetings between two dates (YYYY-MM-DD), both optional.");

        meetings.MapGet("/{id:int}", async Task<Results<Ok<MeetingDetail>, NotFound>> (int id, MeetingService service, HttpContext context, CancellationToken ct) =>
            await service.GetAsync(id, context.User.ToActor(), ct) is { } meeting ? TypedResults.Ok(meeting) : TypedResults.NotFound())
            .WithName("getMeeting")
            .WithSummary("A meeting with its attendance, agenda, brought-forward actions and actions arising.");

        meetings.MapGet("/{id:int}/outstanding", async (int id, ActionService actions, HttpContext context, CancellationToken ct) =>
            TypedResults.Ok(await actions.OutstandingAtAsync(id, context.User.ToActor(), ct)))
            .WithName("listOutstandingActions")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The actions brought forward to the meeting: raised before it, due on or before it, not closed before it.");
    }
}
