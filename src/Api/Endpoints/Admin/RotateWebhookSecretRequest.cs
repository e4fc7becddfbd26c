namespace ScimClean.Api.Endpoints.Admin;

public sealed record RotateWebhookSecretRequest(int? GracePeriodSeconds);
