namespace ScimClean.Application.Webhooks.ReplayWebhookEvents;

/// <summary>
/// Queues a new delivery of every stored event since <see cref="Since"/> that the endpoint subscribes to, in
/// event order. The events keep their ids, so receivers can deduplicate on webhook-id.
/// </summary>
public sealed record ReplayWebhookEventsCommand(Guid EndpointId, DateTimeOffset? Since) : ICommand<Result<ReplayResponse>>;
