namespace ScimClean.Domain.Webhooks;

public static class WebhookErrors
{
    public static Error EndpointNotFound(Guid id) =>
        Error.NotFound("webhook_endpoint.not_found", $"no webhook endpoint has the id '{id}'");

    public static Error DeliveryNotFound(Guid id) =>
        Error.NotFound("webhook_delivery.not_found", $"no webhook delivery has the id '{id}'");

    public static Error UrlNotAllowed(string reason) =>
        Error.Validation("webhook_endpoint.url_not_allowed", reason);

    public static readonly Error DeliveryInFlight = Error.Conflict(
        "webhook_delivery.in_flight",
        "the delivery is being sent right now; retry it once this attempt has finished");

    public static readonly Error InvalidCursor = Error.Validation(
        "webhook.invalid_cursor",
        "the cursor is not one this API handed out; start without one, or use a nextCursor from a response");
}
