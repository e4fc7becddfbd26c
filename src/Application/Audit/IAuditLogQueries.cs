using ScimClean.Domain.Audit;

namespace ScimClean.Application.Audit;

/// <summary>Reads the audit log for the admin API, newest first.</summary>
public interface IAuditLogQueries
{
    /// <summary>
    /// Up to <paramref name="take"/> entries older than <paramref name="beforePosition"/> (all when null), newest first;
    /// only those of <paramref name="organization"/> (a normalized domain) and matching <paramref name="actionPattern"/>
    /// ("webhook.*", an exact action) when given.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(
        long? beforePosition,
        string? organization,
        string? actionPattern,
        int take,
        CancellationToken cancellationToken);
}
