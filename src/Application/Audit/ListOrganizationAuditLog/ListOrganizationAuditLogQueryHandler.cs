using ScimClean.Application.Organizations;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Audit.ListOrganizationAuditLog;

internal sealed class ListOrganizationAuditLogQueryHandler(IOrganizationRepository organizations, IAuditLogQueries queries)
    : IQueryHandler<ListOrganizationAuditLogQuery, Result<AuditLogPage>>
{
    public async ValueTask<Result<AuditLogPage>> Handle(ListOrganizationAuditLogQuery query, CancellationToken cancellationToken)
    {
        // Answer like every other route under /organizations/{domain}: an unknown organization is not found.
        var normalized = OrganizationDomain.Normalize(query.Domain);
        if (normalized.IsFailure || !await organizations.DomainExistsAsync(normalized.Value, cancellationToken))
        {
            return OrganizationErrors.NotFound(query.Domain);
        }

        return await AuditLogReader.ReadAsync(queries, query.After, query.Limit, normalized.Value, query.Action, cancellationToken);
    }
}
