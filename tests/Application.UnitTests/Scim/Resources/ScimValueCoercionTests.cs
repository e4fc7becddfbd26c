using System.Text.Json.Nodes;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.UnitTests.Scim.Resources;

public sealed class ScimValueCoercionTests
{
    [Theory]
    [InlineData(ScimAttributeType.Integer, "42", "42")]
    [InlineData(ScimAttributeType.Integer, "\"-7\"", "-7")]
    [InlineData(ScimAttributeType.Decimal, "\"1.5\"", "1.5")]
    [InlineData(ScimAttributeType.Decimal, "2.25", "2.25")]
    [InlineData(ScimAttributeType.DateTime, "\"2024-05-01T10:00:00Z\"", "\"2024-05-01T10:00:00Z\"")]
    [InlineData(ScimAttributeType.Boolean, "\" true \"", "true")]
    [InlineData(ScimAttributeType.String, "true", "\"true\"")]
    public void Coerce_ConvertsToDeclaredType(ScimAttributeType type, string json, string expected)
    {
        var result = ScimValueCoercion.Coerce(type, JsonNode.Parse(json));

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Value!.ToJsonString());
    }

    [Theory]
    [InlineData(ScimAttributeType.Integer, "1.5")]
    [InlineData(ScimAttributeType.Integer, "\"ten\"")]
    [InlineData(ScimAttributeType.Decimal, "\"abc\"")]
    [InlineData(ScimAttributeType.DateTime, "\"not a date\"")]
    [InlineData(ScimAttributeType.DateTime, "20240501")]
    [InlineData(ScimAttributeType.Boolean, "\"yes\"")]
    [InlineData(ScimAttributeType.Reference, "true")]
    [InlineData(ScimAttributeType.String, "[]")]
    public void Coerce_RejectsUncoercibleValues(ScimAttributeType type, string json)
    {
        Assert.False(ScimValueCoercion.Coerce(type, JsonNode.Parse(json)).IsValid);
    }

    [Theory]
    [InlineData(ScimAttributeType.Boolean)]
    [InlineData(ScimAttributeType.Integer)]
    [InlineData(ScimAttributeType.String)]
    public void Coerce_NullAndEmptyString_MeanNoValue(ScimAttributeType type)
    {
        var fromNull = ScimValueCoercion.Coerce(type, null);
        var fromEmpty = ScimValueCoercion.Coerce(type, JsonValue.Create(string.Empty));

        Assert.True(fromNull.IsValid && fromNull.Value is null);
        Assert.True(fromEmpty.IsValid && fromEmpty.Value is null);
    }
}
