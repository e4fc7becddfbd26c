using ScimClean.Domain.Organizations;

namespace ScimClean.Domain.UnitTests.Organizations;

internal static class OrganizationFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static Organization Create(string domain = "contoso.com", string name = "Contoso", DateTimeOffset? now = null) =>
        Organization.Create(domain, name, now ?? Now).Value;

    public static Organization CreateEnabled(string tokenHash = "hash-1", DateTimeOffset? now = null)
    {
        var organization = Create(now: now);
        var enabled = organization.EnableDirectorySync(tokenHash, now ?? Now);
        Assert.True(enabled.IsSuccess);
        organization.ClearDomainEvents();
        return organization;
    }
}
