namespace ScimClean.Api.Endpoints.Admin;

public sealed record RotateDirectoryTokenRequest(int? GracePeriodSeconds);
