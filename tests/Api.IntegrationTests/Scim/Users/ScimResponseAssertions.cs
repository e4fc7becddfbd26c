using System.Net;
using System.Text.Json.Nodes;

namespace ScimClean.Api.IntegrationTests.Scim.Users;

/// <summary>Reads SCIM responses and checks their status, content type and error bodies.</summary>
public static class ScimResponseAssertions
{
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts the status; the failure message carries the body, so a wrong answer explains itself.</summary>
    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Fail($"expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts a SCIM error: status, scimType (null: none expected), schema and content type.</summary>
    public static async Task<JsonObject> AssertScimErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string? scimType)
    {
        await response.AssertStatusAsync(status);
        Assert.Equal(ScimClient.MediaType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadObjectAsync();
        Assert.Equal(ErrorSchema, body["schemas"]![0]!.GetValue<string>());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), body["status"]!.GetValue<string>());
        Assert.Equal(scimType, body["scimType"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["detail"]?.GetValue<string>()));
        return body;
    }

    /// <summary>Asserts two JSON values are equal, showing both when they are not.</summary>
    public static void AssertJsonEqual(JsonNode? expected, JsonNode? actual) =>
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
}
