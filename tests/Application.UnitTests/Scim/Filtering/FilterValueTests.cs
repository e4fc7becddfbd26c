using ScimClean.Application.Scim.Filtering;

namespace ScimClean.Application.UnitTests.Scim.Filtering;

public sealed class FilterValueTests
{
    public static TheoryData<FilterValue, bool, bool> BooleanCases => new()
    {
        { FilterValue.True, true, true },
        { FilterValue.False, true, false },
        { FilterValue.FromString("True"), true, true },
        { FilterValue.FromString("FALSE"), true, false },
        { FilterValue.FromString("yes"), false, false },
        { FilterValue.FromNumber(1), false, false },
        { FilterValue.Null, false, false },
    };

    [Theory]
    [MemberData(nameof(BooleanCases))]
    public void TryGetBoolean_WhenValueKindVaries_ShouldOnlyAcceptBooleansAndBooleanStrings(FilterValue value, bool expectedOk, bool expected)
    {
        // Act
        var ok = value.TryGetBoolean(out var result);

        // Assert
        Assert.Equal(expectedOk, ok);
        Assert.Equal(expected, result);
    }

    [Fact]
    public void FromNumber_WhenNoTextGiven_ShouldUseInvariantFormatting()
    {
        // Act
        var value = FilterValue.FromNumber(1.50m);

        // Assert
        Assert.Equal(FilterValueKind.Number, value.Kind);
        Assert.Equal("1.50", value.NumberText);
        Assert.Equal(1.5m, value.NumberValue);
    }
}
