using Microsoft.Extensions.Time.Testing;
using ScimClean.Domain.Organizations;

namespace ScimClean.Application.UnitTests.TestSupport;

internal static class TestData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public const string PublicBaseUrl = "https://scim.example.test/";

    public static FakeTimeProvider Clock() => new(Start);

    public static Organization Organization(string domain = "contoso.com", string name = "Contoso", DateTimeOffset? now = null) =>
        Domain.Organizations.Organization.Create(domain, name, now ?? Start).Value;

    /// <summary>An organization with directory sync on and one token, its hash made by <see cref="FakeHasher"/>.</summary>
    public static Organization EnabledOrganization(string token = "scim_current", string domain = "contoso.com", DateTimeOffset? now = null)
    {
        var organization = Organization(domain, now: now);
        organization.EnableDirectorySync(FakeHasher.HashOf(token), now ?? Start);
        organization.ClearDomainEvents();
        return organization;
    }
}
