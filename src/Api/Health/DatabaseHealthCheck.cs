using Microsoft.Extensions.Diagnostics.HealthChecks;
using ScimClean.Application.Common.Persistence;

namespace ScimClean.Api.Health;

/// <summary>Ready means the database answers.</summary>
internal sealed class DatabaseHealthCheck(IDatabaseProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await probe.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("database reachable")
            : HealthCheckResult.Unhealthy("database unreachable");
}
