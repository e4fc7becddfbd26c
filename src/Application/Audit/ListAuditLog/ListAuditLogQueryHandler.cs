using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Audit.ListAuditLog;

internal sealed class ListAuditLogQueryHandler(IAuditLogQueries queries) : IQueryHandler<ListAuditLogQuery, Result<AuditLogPage>>
{
    public async ValueTask<Result<AuditLogPage>> Handle(ListAuditLogQuery query, CancellationToken cancellationToken)
    {
        var organization = query.Organization is null ? null : OrganizationDomain.Normalize(query.Organization).Value;
        return await AuditLogReader.ReadAsync(queries, query.After, query.Limit, organization, query.Action, cancellationToken);
    }
}
