using ScimClean.Domain.Organizations;

namespace ScimClean.Application.Organizations.GetOrganization;

internal sealed class GetOrganizationQueryHandler(IOrganizationRepository organizations)
    : IQueryHandler<GetOrganizationQuery, Result<OrganizationResponse>>
{
    public async ValueTask<Result<OrganizationResponse>> Handle(GetOrganizationQuery query, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(query.Domain, cancellationToken);
        return organization is null
            ? OrganizationErrors.NotFound(query.Domain)
            : OrganizationResponse.From(organization);
    }
}
