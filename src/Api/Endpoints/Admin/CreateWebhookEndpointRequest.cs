namespace ScimClean.Api.Endpoints.Admin;

public sealed record CreateWebhookEndpointRequest(string? Url, IReadOnlyList<string>? Events, IReadOnlyList<string>? Organizations);
