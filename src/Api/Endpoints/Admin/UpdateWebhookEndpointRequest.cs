namespace ScimClean.Api.Endpoints.Admin;

/// <summary>PATCH body: only the members given change.</summary>
public sealed record UpdateWebhookEndpointRequest(
    string? Url,
    IReadOnlyList<string>? Events,
    IReadOnlyList<string>? Organizations,
    bool? Enabled);
