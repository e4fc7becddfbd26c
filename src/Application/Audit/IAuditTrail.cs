namespace ScimClean.Application.Audit;

/// <summary>
/// What admin use cases call to record their action. The entry joins the command's unit of work: it is saved in the
/// same transaction as the change, and dropped with it when the command fails.
/// </summary>
public interface IAuditTrail
{
    /// <param name="action">One of <see cref="Domain.Audit.AuditActions"/>.</param>
    /// <param name="organization">The organization's normalized domain, or null for a service-wide resource.</param>
    /// <param name="target">The id of the resource acted on.</param>
    /// <param name="detail">A short summary that holds no secret (no token, key, secret or full URL).</param>
    void Record(string action, string? organization, string? target, string? detail = null);
}
