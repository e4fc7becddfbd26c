using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Patching;
using ScimClean.Application.Scim.Resources;

namespace ScimClean.Application.UnitTests.Scim.Patching;

public sealed class PatchRequestTests
{
    [Fact]
    public void TryParse_WhenEntraBody_ShouldReadOperationsCaseInsensitively()
    {
        // Arrange
        var body = Body("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","path":"active","value":"False"},{"OP":"add","Value":{"displayName":"x"}},{"op":"remove","path":"title"}]}
            """);

        // Act
        var ok = PatchRequest.TryParse(body, out var request, out _);

        // Assert
        Assert.True(ok);
        Assert.Equal([PatchOperationType.Replace, PatchOperationType.Add, PatchOperationType.Remove], request!.Operations.Select(o => o.Op));
        Assert.Equal("active", request.Operations[0].Path);
        Assert.Null(request.Operations[1].Path);
        Assert.IsType<JsonObject>(request.Operations[1].Value);
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"Operations":[{"op":"add","path":"title","value":"x"}]}""")]
    [InlineData("""{"Operations":[{"op":"add","path":"title","value":"x"}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"merge","path":"title","value":"x"}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":["add"]}""")]
    public void TryParse_WhenNotAPatchOpMessage_ShouldBeInvalidSyntax(string json)
    {
        // Act
        var ok = PatchRequest.TryParse(Body(json), out _, out var error);

        // Assert
        Assert.False(ok);
        Assert.Equal(ScimErrorTypes.InvalidSyntax, error!.ScimType);
    }

    [Fact]
    public void TryParse_WhenPathIsNotAString_ShouldBeInvalidPath()
    {
        var ok = PatchRequest.TryParse(Body("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":5}]}"""), out _, out var error);

        Assert.False(ok);
        Assert.Equal(ScimErrorTypes.InvalidPath, error!.ScimType);
    }

    [Fact]
    public void TryParse_WhenTooManyOperations_ShouldBeTooMany()
    {
        // Arrange
        var operations = new JsonArray();
        for (var i = 0; i < 3; i++)
        {
            operations.Add(new JsonObject { ["op"] = "add", ["path"] = "title", ["value"] = "x" });
        }

        var body = new JsonObject { ["schemas"] = new JsonArray(PatchRequest.PatchOpSchema), ["Operations"] = operations };

        // Act
        var ok = PatchRequest.TryParse(body, out _, out var error, new PatchLimits(MaxOperations: 2));

        // Assert
        Assert.False(ok);
        Assert.Equal(ScimErrorTypes.TooMany, error!.ScimType);
    }

    [Fact]
    public void TryParse_WhenTooManyValuesInOneOperation_ShouldBeTooMany()
    {
        var body = Body("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Add","path":"members","value":[{"value":"1"},{"value":"2"},{"value":"3"}]}]}
            """);

        var ok = PatchRequest.TryParse(body, out _, out var error, new PatchLimits(MaxValuesPerOperation: 2));

        Assert.False(ok);
        Assert.Equal(ScimErrorTypes.TooMany, error!.ScimType);
    }

    private static JsonObject Body(string json) => JsonNode.Parse(json)!.AsObject();
}
