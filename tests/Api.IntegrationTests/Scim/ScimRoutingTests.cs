using System.Net;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Scim.Users;

namespace ScimClean.Api.IntegrationTests.Scim;

public sealed class ScimRoutingTests(ScimCleanApiFactory factory) : IClassFixture<ScimCleanApiFactory>
{
    [Theory]
    [InlineData("PUT", "/Users")]
    [InlineData("DELETE", "/Groups")]
    [InlineData("PATCH", "/ServiceProviderConfig")]
    public async Task UnsupportedMethod_ShouldReturn405WithAScimErrorBody(string method, string path)
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.SendAsync(new HttpMethod(method), scim.BaseUrl + path);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.MethodNotAllowed, null);
        Assert.Contains(method, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownScimPath_ShouldReturn404WithAScimErrorBody()
    {
        var scim = await ScimClient.CreateAsync(factory);

        var response = await scim.SendAsync(HttpMethod.Get, scim.BaseUrl + "/Bulk");

        await response.AssertScimErrorAsync(HttpStatusCode.NotFound, null);
    }
}
