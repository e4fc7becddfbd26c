namespace ScimClean.Application.Common.Persistence;

/// <summary>Tells whether the database answers (readiness).</summary>
public interface IDatabaseProbe
{
    Task<bool> CanConnectAsync(CancellationToken cancellationToken);
}
