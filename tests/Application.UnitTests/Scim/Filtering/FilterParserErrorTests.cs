using ScimClean.Application.Scim.Filtering;

namespace ScimClean.Application.UnitTests.Scim.Filtering;

public sealed class FilterParserErrorTests
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \t ", "empty")]
    [InlineData("userName xx \"a\"", "unknown operator 'xx'")]
    [InlineData("userName equals \"a\"", "unknown operator 'equals'")]
    [InlineData("userName", "expected an operator")]
    [InlineData("userName eq", "expected a value")]
    [InlineData("userName eq   ", "expected a value")]
    [InlineData("userName eq bjensen", "double quotes")]
    [InlineData("userName eq \"abc", "unterminated string")]
    [InlineData("userName eq \"abc\\", "unterminated string")]
    [InlineData("userName eq \"a\\qb\"", "invalid escape")]
    [InlineData("userName eq \"\\u12\"", "unicode escape")]
    [InlineData("userName eq \"\\u12G4\"", "unicode escape")]
    [InlineData("userName eq \"a\u0001b\"", "control character")]
    [InlineData("(userName eq \"a\"", "expected ')'")]
    [InlineData("((userName eq \"a\")", "expected ')'")]
    [InlineData("userName eq \"a\")", "unbalanced ')'")]
    [InlineData("(userName eq \"a\"]", "expected 'and', 'or' or ')'")]
    [InlineData("()", "empty parentheses")]
    [InlineData("emails[type eq \"work\"", "expected ']'")]
    [InlineData("emails[type eq \"work\"]]", "unbalanced ']'")]
    [InlineData("emails[type eq \"work\")", "unbalanced ')'")]
    [InlineData("emails[]", "empty value filter")]
    [InlineData("[type eq \"work\"]", "expected an attribute path")]
    [InlineData("userName eq \"a\" garbage", "expected 'and', 'or' or the end")]
    [InlineData("userName eq \"a\" and", "expected an attribute path")]
    [InlineData("userName eq \"a\" or or b pr", "unknown operator 'b'")]
    [InlineData("userName eq \"a\" andb pr", "expected 'and', 'or' or the end")]
    [InlineData("age eq 01", "invalid number")]
    [InlineData("age eq 1.", "invalid number")]
    [InlineData("age eq .5", "expected a value")]
    [InlineData("age eq 1e", "invalid number")]
    [InlineData("age eq --1", "invalid number")]
    [InlineData("age eq 1.2.3", "invalid number")]
    [InlineData("age eq 12abc", "invalid number")]
    [InlineData("age eq +1", "expected a value")]
    [InlineData("age eq 1e99999", "out of range")]
    [InlineData("title pr \"x\"", "'pr' (present) operator does not take a value")]
    [InlineData("title pr true", "'pr' (present) operator does not take a value")]
    [InlineData("title pr 5", "'pr' (present) operator does not take a value")]
    [InlineData("\"bjensen\" eq userName", "left side")]
    [InlineData("5 eq age", "left side")]
    [InlineData("not userName eq \"x\"", "'(' after 'not'")]
    [InlineData("not", "'(' after 'not'")]
    [InlineData("emails[type eq \"work\"][value pr]", "nested value filters")]
    [InlineData("emails[addresses[type eq \"x\"]]", "nested value filters")]
    [InlineData("emails[type.x eq \"a\"]", "plain sub-attribute names")]
    [InlineData("emails[urn:ietf:params:scim:schemas:core:2.0:User:type eq \"a\"]", "URN")]
    [InlineData("name.givenName.x eq \"a\"", "further sub-attributes")]
    [InlineData("name.givenName[type eq \"a\"]", "top-level attribute")]
    [InlineData("name. eq \"a\"", "expected a sub-attribute name")]
    [InlineData("1name eq \"a\"", "left side")]
    [InlineData("na#me eq \"a\"", "a space and an operator")]
    [InlineData("userName eq\"a\"or", "expected an attribute path")]
    [InlineData("emails[type eq \"work\"].value", "expected an operator")]
    [InlineData("emails[type eq \"work\"].value.display eq \"x\"", "further sub-attributes")]
    [InlineData("emails[type eq \"work\"].", "expected a sub-attribute name")]
    [InlineData("urn:ietf eq 1", "invalid schema URN")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User: eq 1", "expected an attribute name after the schema URN")]
    [InlineData("urn:ietf::scim:userName eq 1", "invalid schema URN")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.given.x eq 1", "unexpected character '.'")]
    [InlineData("$foo eq 1", "expected an attribute name")]
    public void Parse_WhenMalformed_ShouldThrowFilterParseExceptionWithPositionAndExpectation(string text, string expectedFragment)
    {
        // Act
        var ex = Assert.Throws<FilterParseException>(() => FilterParser.Parse(text));

        // Assert
        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid filter at position {ex.Position}: ", ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Position, 0, text.Length);
    }

    [Fact]
    public void Parse_WhenUnknownOperator_ShouldReportItsPosition()
    {
        // Act
        var ex = Assert.Throws<FilterParseException>(() => FilterParser.Parse("userName xx \"a\""));

        // Assert
        Assert.Equal(9, ex.Position);
    }

    [Fact]
    public void Parse_WhenUnterminatedString_ShouldReportOpeningQuotePosition()
    {
        // Act
        var ex = Assert.Throws<FilterParseException>(() => FilterParser.Parse("a eq \"open"));

        // Assert
        Assert.Equal(5, ex.Position);
    }

    [Fact]
    public void Parse_WhenLongerThanMaxLength_ShouldThrow()
    {
        // Arrange
        var text = "userName eq \"" + new string('a', 5000) + "\"";

        // Act
        var ex = Assert.Throws<FilterParseException>(() => FilterParser.Parse(text));

        // Assert
        Assert.Contains("too long", ex.Message, StringComparison.Ordinal);
        Assert.Contains("4096", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenExactlyMaxLength_ShouldParse()
    {
        // Arrange
        const string text = "userName pr";
        var options = new FilterParserOptions(MaxLength: text.Length);

        // Act
        var node = FilterParser.Parse(text, options);

        // Assert
        Assert.IsType<ComparisonFilter>(node);
        Assert.Throws<FilterParseException>(() => FilterParser.Parse(text + " ", options));
    }

    [Theory]
    [InlineData("((a pr))", true)]
    [InlineData("(((a pr)))", false)]
    [InlineData("not (not (a pr))", true)]
    [InlineData("not (not (not (a pr)))", false)]
    [InlineData("(emails[type pr])", true)]
    [InlineData("((emails[type pr]))", false)]
    [InlineData("emails[not (not (type pr))]", false)]
    public void Parse_WhenNestingAroundMaxDepth_ShouldEnforceLimit(string text, bool ok)
    {
        // Arrange
        var options = new FilterParserOptions(MaxDepth: 2);

        // Act
        var succeeded = FilterParser.TryParse(text, out _, out var error, options);

        // Assert
        Assert.Equal(ok, succeeded);
        if (!ok)
        {
            Assert.Contains("nested too deeply (the maximum depth is 2)", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_When10000OpenParenthesesWithDefaultOptions_ShouldThrowFilterParseException()
    {
        // Arrange
        var text = new string('(', 10_000) + "a pr" + new string(')', 10_000);

        // Act / Assert
        Assert.Throws<FilterParseException>(() => FilterParser.Parse(text));
    }

    [Fact]
    public void Parse_When10000OpenParenthesesAndNoLengthLimit_ShouldHitDepthLimit()
    {
        // Arrange
        var text = new string('(', 10_000);
        var options = new FilterParserOptions(MaxLength: int.MaxValue);

        // Act
        var ex = Assert.Throws<FilterParseException>(() => FilterParser.Parse(text, options));

        // Assert
        Assert.Contains("nested too deeply (the maximum depth is 32)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(32, ex.Position);
    }

    [Fact]
    public void Parse_WhenDepthLimitDisabledAndHugeNesting_ShouldStillNotOverflowTheStack()
    {
        // Arrange: the depth limit is effectively off; the stack probe must stop the recursion.
        var text = new string('(', 1_000_000) + "a pr" + new string(')', 1_000_000);
        var options = new FilterParserOptions(MaxLength: int.MaxValue, MaxDepth: int.MaxValue);

        // Act
        var ex = Assert.Throws<FilterParseException>(() => FilterParser.Parse(text, options));

        // Assert
        Assert.Contains("nested too deeply", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenLongFlatAndChain_ShouldNotCountTowardsDepth()
    {
        // Arrange
        var text = string.Join(" and ", Enumerable.Range(0, 300).Select(i => $"a{i} pr"));

        // Act
        var node = FilterParser.Parse(text);

        // Assert
        Assert.IsType<LogicalFilter>(node);
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(4096, 0)]
    [InlineData(-1, 32)]
    public void Parse_WhenOptionsHaveNonPositiveLimit_ShouldThrowArgumentOutOfRange(int maxLength, int maxDepth)
    {
        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => FilterParser.Parse("a pr", new FilterParserOptions(maxLength, maxDepth)));
    }
}
