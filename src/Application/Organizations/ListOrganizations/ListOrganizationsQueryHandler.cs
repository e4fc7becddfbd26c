namespace ScimClean.Application.Organizations.ListOrganizations;

internal sealed class ListOrganizationsQueryHandler(IOrganizationRepository organizations)
    : IQueryHandler<ListOrganizationsQuery, IReadOnlyList<OrganizationResponse>>
{
    public async ValueTask<IReadOnlyList<OrganizationResponse>> Handle(
        ListOrganizationsQuery query,
        CancellationToken cancellationToken)
    {
        var all = await organizations.ListAsync(cancellationToken);
        return all.Select(OrganizationResponse.From).ToList();
    }
}
