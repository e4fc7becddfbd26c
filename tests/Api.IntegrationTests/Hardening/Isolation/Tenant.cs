using ScimClean.Api.IntegrationTests.Scim.Groups;

namespace ScimClean.Api.IntegrationTests.Hardening.Isolation;

/// <summary>One organization of the isolation suite and the resources it owns.</summary>
public sealed record Tenant(
    ScimDirectory Directory,
    Guid OrganizationId,
    string[] UserIds,
    string[] UserNames,
    string FamilyName,
    string GroupId,
    string GroupName,
    string EndpointId,
    string[] EventIds,
    string[] DeliveryIds)
{
    public string Domain => Directory.Domain;

    public string Token => Directory.Token;

    /// <summary>Every value of this tenant that must never appear in another tenant's responses.</summary>
    public IEnumerable<string> Markers => [Domain, GroupId, GroupName, EndpointId, FamilyName, .. UserIds, .. UserNames, .. EventIds, .. DeliveryIds];
}
