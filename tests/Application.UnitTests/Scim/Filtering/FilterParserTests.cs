using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Filtering;

namespace ScimClean.Application.UnitTests.Scim.Filtering;

public sealed class FilterParserTests
{
    private const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string CoreUserUrn = "urn:ietf:params:scim:schemas:core:2.0:User";

    private static AttributePath P(string name, string? sub = null) => new(null, name, sub);

    private static ComparisonFilter Cmp(string name, ComparisonOperator op, FilterValue? value) => new(P(name), op, value);

    private static FilterValue S(string value) => FilterValue.FromString(value);

    private static FilterValue N(decimal value) => FilterValue.FromNumber(value);

    [Theory]
    [InlineData("eq", ComparisonOperator.Eq)]
    [InlineData("ne", ComparisonOperator.Ne)]
    [InlineData("co", ComparisonOperator.Co)]
    [InlineData("sw", ComparisonOperator.Sw)]
    [InlineData("ew", ComparisonOperator.Ew)]
    [InlineData("gt", ComparisonOperator.Gt)]
    [InlineData("ge", ComparisonOperator.Ge)]
    [InlineData("lt", ComparisonOperator.Lt)]
    [InlineData("le", ComparisonOperator.Le)]
    [InlineData("EQ", ComparisonOperator.Eq)]
    [InlineData("Ne", ComparisonOperator.Ne)]
    [InlineData("cO", ComparisonOperator.Co)]
    [InlineData("SW", ComparisonOperator.Sw)]
    [InlineData("Ew", ComparisonOperator.Ew)]
    [InlineData("GT", ComparisonOperator.Gt)]
    [InlineData("gE", ComparisonOperator.Ge)]
    [InlineData("Lt", ComparisonOperator.Lt)]
    [InlineData("LE", ComparisonOperator.Le)]
    public void Parse_WhenComparisonOperatorInAnyCase_ShouldProduceComparison(string keyword, ComparisonOperator expected)
    {
        // Arrange
        var text = $"userName {keyword} \"bjensen\"";

        // Act
        var node = FilterParser.Parse(text);

        // Assert
        Assert.Equal(Cmp("userName", expected, S("bjensen")), node);
    }

    [Theory]
    [InlineData("title pr")]
    [InlineData("title PR")]
    [InlineData("title Pr  ")]
    public void Parse_WhenPresentOperator_ShouldHaveNoValue(string text)
    {
        // Act
        var node = FilterParser.Parse(text);

        // Assert
        Assert.Equal(Cmp("title", ComparisonOperator.Pr, null), node);
    }

    [Fact]
    public void Parse_WhenLogicalKeywordsInMixedCase_ShouldParse()
    {
        // Arrange
        const string text = "userName Eq \"a\" AND Not (title PR) oR emails[TYPE eq \"work\"]";

        // Act
        var node = FilterParser.Parse(text);

        // Assert
        var expected = new LogicalFilter(
            LogicalOperator.Or,
            new LogicalFilter(
                LogicalOperator.And,
                Cmp("userName", ComparisonOperator.Eq, S("a")),
                new NotFilter(Cmp("title", ComparisonOperator.Pr, null))),
            new ValuePathFilter(P("emails"), Cmp("TYPE", ComparisonOperator.Eq, S("work"))));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Parse_WhenOrFollowedByAnd_ShouldBindAndTighter()
    {
        // Act
        var node = FilterParser.Parse("a eq 1 or b eq 2 and c eq 3");

        // Assert
        var expected = new LogicalFilter(
            LogicalOperator.Or,
            Cmp("a", ComparisonOperator.Eq, N(1)),
            new LogicalFilter(LogicalOperator.And, Cmp("b", ComparisonOperator.Eq, N(2)), Cmp("c", ComparisonOperator.Eq, N(3))));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Parse_WhenAndFollowedByOr_ShouldBindAndTighter()
    {
        // Act
        var node = FilterParser.Parse("a eq 1 and b eq 2 or c eq 3");

        // Assert
        var expected = new LogicalFilter(
            LogicalOperator.Or,
            new LogicalFilter(LogicalOperator.And, Cmp("a", ComparisonOperator.Eq, N(1)), Cmp("b", ComparisonOperator.Eq, N(2))),
            Cmp("c", ComparisonOperator.Eq, N(3)));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Parse_WhenParenthesesGroupOr_ShouldOverridePrecedence()
    {
        // Act
        var node = FilterParser.Parse("(a eq 1 or b eq 2) and c eq 3");

        // Assert
        var expected = new LogicalFilter(
            LogicalOperator.And,
            new LogicalFilter(LogicalOperator.Or, Cmp("a", ComparisonOperator.Eq, N(1)), Cmp("b", ComparisonOperator.Eq, N(2))),
            Cmp("c", ComparisonOperator.Eq, N(3)));
        Assert.Equal(expected, node);
    }

    [Theory]
    [InlineData("a pr and b pr and c pr", LogicalOperator.And)]
    [InlineData("a pr or b pr or c pr", LogicalOperator.Or)]
    public void Parse_WhenChainOfSameOperator_ShouldBeLeftAssociative(string text, LogicalOperator op)
    {
        // Act
        var node = FilterParser.Parse(text);

        // Assert
        var a = Cmp("a", ComparisonOperator.Pr, null);
        var b = Cmp("b", ComparisonOperator.Pr, null);
        var c = Cmp("c", ComparisonOperator.Pr, null);
        Assert.Equal(new LogicalFilter(op, new LogicalFilter(op, a, b), c), node);
    }

    [Fact]
    public void Parse_WhenRedundantParentheses_ShouldNotAddNodes()
    {
        // Act
        var node = FilterParser.Parse("((( a pr )))");

        // Assert
        Assert.Equal(Cmp("a", ComparisonOperator.Pr, null), node);
    }

    [Theory]
    [InlineData("not (a eq 1)")]
    [InlineData("not(a eq 1)")]
    [InlineData("NOT   (a eq 1)")]
    public void Parse_WhenNot_ShouldWrapParenthesisedFilter(string text)
    {
        // Act
        var node = FilterParser.Parse(text);

        // Assert
        Assert.Equal(new NotFilter(Cmp("a", ComparisonOperator.Eq, N(1))), node);
    }

    [Fact]
    public void Parse_WhenNotFollowedByAnd_ShouldBindNotTighter()
    {
        // Act
        var node = FilterParser.Parse("not (a pr) and not (not (b pr))");

        // Assert
        var expected = new LogicalFilter(
            LogicalOperator.And,
            new NotFilter(Cmp("a", ComparisonOperator.Pr, null)),
            new NotFilter(new NotFilter(Cmp("b", ComparisonOperator.Pr, null))));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Parse_WhenAttributeNameStartsWithNot_ShouldTreatItAsAttribute()
    {
        // Act
        var node = FilterParser.Parse("notes eq \"x\"");

        // Assert
        Assert.Equal(Cmp("notes", ComparisonOperator.Eq, S("x")), node);
    }

    [Fact]
    public void Parse_WhenComplexValueFilter_ShouldKeepRelativeSubAttributes()
    {
        // Act
        var node = FilterParser.Parse("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@contoso\"]");

        // Assert
        var expected = new LogicalFilter(
            LogicalOperator.And,
            Cmp("userType", ComparisonOperator.Eq, S("Employee")),
            new ValuePathFilter(
                P("emails"),
                new LogicalFilter(
                    LogicalOperator.And,
                    Cmp("type", ComparisonOperator.Eq, S("work")),
                    Cmp("value", ComparisonOperator.Co, S("@contoso")))));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Parse_WhenValueFilterContainsOrNotAndParentheses_ShouldParse()
    {
        // Act
        var node = FilterParser.Parse("emails[(type eq \"work\" or type eq \"home\") and not (primary eq false)] or ims[type eq \"xmpp\"]");

        // Assert
        var expected = new LogicalFilter(
            LogicalOperator.Or,
            new ValuePathFilter(
                P("emails"),
                new LogicalFilter(
                    LogicalOperator.And,
                    new LogicalFilter(
                        LogicalOperator.Or,
                        Cmp("type", ComparisonOperator.Eq, S("work")),
                        Cmp("type", ComparisonOperator.Eq, S("home"))),
                    new NotFilter(Cmp("primary", ComparisonOperator.Eq, FilterValue.False)))),
            new ValuePathFilter(P("ims"), Cmp("type", ComparisonOperator.Eq, S("xmpp"))));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Parse_WhenEntraValuePathWithSubAttributeComparison_ShouldFoldComparisonIntoValueFilter()
    {
        // Act
        var node = FilterParser.Parse("emails[type eq \"work\"].value eq \"x@contoso.com\"");

        // Assert
        var expected = new ValuePathFilter(
            P("emails"),
            new LogicalFilter(
                LogicalOperator.And,
                Cmp("type", ComparisonOperator.Eq, S("work")),
                Cmp("value", ComparisonOperator.Eq, S("x@contoso.com"))));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Parse_WhenEntraValuePathWithSubAttributePresent_ShouldFoldIntoValueFilterAndCombineWithAnd()
    {
        // Act
        var node = FilterParser.Parse("emails[type eq \"work\"].Value pr and userName pr");

        // Assert
        var expected = new LogicalFilter(
            LogicalOperator.And,
            new ValuePathFilter(
                P("emails"),
                new LogicalFilter(
                    LogicalOperator.And,
                    Cmp("type", ComparisonOperator.Eq, S("work")),
                    Cmp("Value", ComparisonOperator.Pr, null))),
            Cmp("userName", ComparisonOperator.Pr, null));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Parse_WhenEntraSendsBooleanAsString_ShouldKeepStringValue()
    {
        // Act
        var node = FilterParser.Parse("roles[primary eq \"True\"]");

        // Assert
        var valuePath = Assert.IsType<ValuePathFilter>(node);
        var comparison = Assert.IsType<ComparisonFilter>(valuePath.Inner);
        Assert.Equal(FilterValueKind.String, comparison.Value?.Kind);
        Assert.Equal("True", comparison.Value?.StringValue);
        Assert.True(comparison.Value!.TryGetBoolean(out var coerced));
        Assert.True(coerced);
    }

    [Theory]
    [InlineData("name.givenName eq \"Barbara\"", null, "name", "givenName")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"Barbara\"", CoreUserUrn, "userName", null)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"Barbara\"", EnterpriseUrn, "employeeNumber", null)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"Barbara\"", EnterpriseUrn, "manager", "value")]
    [InlineData("URN:IETF:params:scim:schemas:core:2.0:User:name.familyName eq \"Barbara\"", "URN:IETF:params:scim:schemas:core:2.0:User", "name", "familyName")]
    [InlineData("meta.lastModified eq \"Barbara\"", null, "meta", "lastModified")]
    [InlineData("x-custom_attr2 eq \"Barbara\"", null, "x-custom_attr2", null)]
    [InlineData("manager.$ref eq \"Barbara\"", null, "manager", "$ref")]
    public void Parse_WhenAttributePathForms_ShouldSplitSchemaNameAndSubAttribute(string text, string? urn, string name, string? sub)
    {
        // Act
        var node = FilterParser.Parse(text);

        // Assert
        var comparison = Assert.IsType<ComparisonFilter>(node);
        Assert.Equal(new AttributePath(urn, name, sub), comparison.Path);
        Assert.Equal(S("Barbara"), comparison.Value);
    }

    [Fact]
    public void Parse_WhenUrnQualifiedValuePath_ShouldKeepUrnOnOuterPath()
    {
        // Act
        var node = FilterParser.Parse($"{CoreUserUrn}:emails[type eq \"work\"]");

        // Assert
        Assert.Equal(
            new ValuePathFilter(new AttributePath(CoreUserUrn, "emails", null), Cmp("type", ComparisonOperator.Eq, S("work"))),
            node);
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"a\\\\b\"", "a\\b")]
    [InlineData("\"a\\/b\"", "a/b")]
    [InlineData("\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t")]
    [InlineData("\"caf\\u00e9\"", "café")]
    [InlineData("\"caf\\u00E9\"", "café")]
    [InlineData("\"\\ud83d\\ude00\"", "\U0001F600")]
    [InlineData("\"Zoë 日本 \U0001F600\"", "Zoë 日本 \U0001F600")]
    [InlineData("\"with spaces and (parens) [brackets] and or not\"", "with spaces and (parens) [brackets] and or not")]
    [InlineData("\"2011-05-13T04:42:34Z\"", "2011-05-13T04:42:34Z")]
    public void Parse_WhenStringLiteral_ShouldDecodeJsonString(string literal, string expected)
    {
        // Act
        var node = FilterParser.Parse($"displayName eq {literal}");

        // Assert
        var comparison = Assert.IsType<ComparisonFilter>(node);
        Assert.Equal(FilterValueKind.String, comparison.Value?.Kind);
        Assert.Equal(expected, comparison.Value?.StringValue);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("1.50", "1.50")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("1e3", "1000")]
    [InlineData("2.5E-2", "0.025")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    public void Parse_WhenNumberLiteral_ShouldKeepDecimalAndRawText(string literal, string expectedValue)
    {
        // Act
        var node = FilterParser.Parse($"age ge {literal}");

        // Assert
        var value = Assert.IsType<ComparisonFilter>(node).Value;
        Assert.NotNull(value);
        Assert.Equal(FilterValueKind.Number, value.Kind);
        Assert.Equal(decimal.Parse(expectedValue, System.Globalization.CultureInfo.InvariantCulture), value.NumberValue);
        Assert.Equal(literal, value.NumberText);
    }

    [Theory]
    [InlineData("true", FilterValueKind.Boolean, true)]
    [InlineData("TRUE", FilterValueKind.Boolean, true)]
    [InlineData("False", FilterValueKind.Boolean, false)]
    [InlineData("null", FilterValueKind.Null, null)]
    [InlineData("NULL", FilterValueKind.Null, null)]
    public void Parse_WhenKeywordLiteral_ShouldProduceBooleanOrNull(string literal, FilterValueKind kind, bool? expected)
    {
        // Act
        var node = FilterParser.Parse($"active eq {literal}");

        // Assert
        var value = Assert.IsType<ComparisonFilter>(node).Value;
        Assert.NotNull(value);
        Assert.Equal(kind, value.Kind);
        Assert.Equal(expected, value.BooleanValue);
    }

    [Fact]
    public void Parse_WhenLiteralDirectlyBeforeParenthesis_ShouldParse()
    {
        // Act
        var node = FilterParser.Parse("(active eq true)and(age lt 3)");

        // Assert
        var expected = new LogicalFilter(
            LogicalOperator.And,
            Cmp("active", ComparisonOperator.Eq, FilterValue.True),
            Cmp("age", ComparisonOperator.Lt, N(3)));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Parse_WhenTabsAndExtraSpaces_ShouldIgnoreThem()
    {
        // Act
        var node = FilterParser.Parse(" \t userName \t eq\t\t\"a\"   and\t not  ( title   pr )  ");

        // Assert
        var expected = new LogicalFilter(
            LogicalOperator.And,
            Cmp("userName", ComparisonOperator.Eq, S("a")),
            new NotFilter(Cmp("title", ComparisonOperator.Pr, null)));
        Assert.Equal(expected, node);
    }

    [Theory]
    [InlineData("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")")]
    [InlineData("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")")]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]")]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:34Z\"")]
    [InlineData("title pr and userType eq \"Employee\"")]
    [InlineData("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]")]
    [InlineData("externalId eq \"abc\" and userName eq \"a@contoso.com\"")]
    public void Parse_WhenRfcAndEntraExamples_ShouldSucceed(string text)
    {
        // Act
        var ok = FilterParser.TryParse(text, out var node, out var error);

        // Assert
        Assert.True(ok, error);
        Assert.NotNull(node);
    }

    [Fact]
    public void TryParse_WhenInvalid_ShouldReturnFalseWithMessage()
    {
        // Act
        var ok = FilterParser.TryParse("userName eq", out var node, out var error);

        // Assert
        Assert.False(ok);
        Assert.Null(node);
        Assert.Contains("position 11", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WhenNull_ShouldReturnFalse()
    {
        // Act
        var ok = FilterParser.TryParse(null, out var node, out var error);

        // Assert
        Assert.False(ok);
        Assert.Null(node);
        Assert.NotNull(error);
    }
}
