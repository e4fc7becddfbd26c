using ScimClean.Api.Common;
using ScimClean.Application.Webhooks.ListEvents;

namespace ScimClean.Api.Endpoints.Admin;

public static class EventsEndpoints
{
    public static RouteGroupBuilder MapEventsEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/events", async (
            string? after,
            int? limit,
            string? organization,
            string? type,
            ISender sender,
            CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new ListEventsQuery(after, limit, organization, type), cancellationToken);
            return result.IsSuccess ? Results.Ok(result.Value) : AdminResults.Problem(result.Error!);
        })
        .WithTags("Events")
        .WithName("ListEvents")
        .WithSummary("Stored events after a cursor, oldest first (limit 1 to 1000, default 100); filter by organization and type (\"user.*\").")
        .Produces<EventPage>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        return admin;
    }
}
