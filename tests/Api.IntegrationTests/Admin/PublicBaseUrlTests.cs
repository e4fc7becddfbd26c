using ScimClean.Api.IntegrationTests.Infrastructure;

namespace ScimClean.Api.IntegrationTests.Admin;

public sealed class PublicBaseUrlTests : IAsyncLifetime
{
    private readonly ScimCleanApiFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Scim:PublicBaseUrl"] = "https://scim.saas.example/";
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Enable_WhenPublicBaseUrlIsConfigured_ShouldUseItForTheTenantUrl()
    {
        var admin = _factory.CreateAdminClient();
        var domain = await admin.CreateOrganizationAsync();

        var response = await admin.PostAsync($"/admin/v1/organizations/{domain}/directory-sync", null, TestContext.Current.CancellationToken);

        var body = await response.ReadJsonAsync();
        Assert.Equal($"https://scim.saas.example/org/{domain}/scim/v2", body.GetProperty("scimBaseUrl").GetString());
    }
}
