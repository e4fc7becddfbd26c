using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Audit;

/// <summary>
/// The service with the background dispatcher off: deliveries stay as the tests leave them, so a retry is never
/// refused because a dispatcher happens to hold the delivery.
/// </summary>
public sealed class AuditLogApp : IAsyncDisposable
{
    public AuditLogApp() => Factory.Settings["Webhooks:DispatcherEnabled"] = "false";

    public ScimCleanApiFactory Factory { get; } = new();

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
