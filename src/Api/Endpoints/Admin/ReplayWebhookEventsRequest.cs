namespace ScimClean.Api.Endpoints.Admin;

public sealed record ReplayWebhookEventsRequest(DateTimeOffset? Since);
