using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// Scannerless recursive-descent parser for SCIM filters and PATCH paths (RFC 7644 §3.4.2.2, §3.5.2).
/// Every problem is reported as <see cref="FilterParseException"/>; recursion is bounded by
/// <see cref="FilterParserOptions.MaxDepth"/> and by a stack probe.
/// </summary>
/// <remarks>
/// Grammar (keywords case-insensitive, whitespace = spaces/tabs between tokens):
/// <code>
/// filter     = or
/// or         = and *("or" and)
/// and        = unary *("and" unary)
/// unary      = "not" "(" filter ")" / "(" filter ")" / attrExpr
/// attrExpr   = attrPath SP "pr"
///            / attrPath SP compareOp SP compValue
///            / attrPath "[" valFilter "]" [ "." subAttr (SP "pr" / SP compareOp SP compValue) ]
/// valFilter  = same as filter, but without nested "[...]" and with relative, undotted attribute names
/// </code>
/// </remarks>
internal sealed class FilterReader
{
    private const string ExpectedOperand = "an attribute path, 'not (' or '('";
    private const string OperatorList = "eq, ne, co, sw, ew, gt, ge, lt, le or pr";

    private readonly string _text;
    private readonly int _maxDepth;
    private int _position;
    private int _depth;

    public FilterReader(string text, FilterParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDepth);

        _text = text;
        _maxDepth = options.MaxDepth;
        if (text.Length > options.MaxLength)
        {
            throw new FilterParseException(
                options.MaxLength,
                $"input is too long ({text.Length} characters; the maximum is {options.MaxLength})");
        }
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    public FilterNode ParseFilterToEnd()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw new FilterParseException(_position, "the filter is empty");
        }

        var node = ParseOr(inValueFilter: false);
        SkipWhitespace();
        if (!AtEnd)
        {
            throw Current switch
            {
                ')' => Error("unbalanced ')' without a matching '('"),
                ']' => Error("unbalanced ']' without a matching '['"),
                _ => Expected("'and', 'or' or the end of the filter"),
            };
        }

        return node;
    }

    public AttributePath ParseAttributePathToEnd()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw new FilterParseException(_position, "the attribute path is empty");
        }

        var path = ReadAttributePath(inValueFilter: false);
        SkipWhitespace();
        if (!AtEnd)
        {
            throw Expected("the end of the attribute path");
        }

        return path;
    }

    public PatchPath ParsePatchPathToEnd()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw new FilterParseException(_position, "the path is empty");
        }

        var pathStart = _position;
        var attribute = ReadAttributePath(inValueFilter: false);
        FilterNode? valueFilter = null;
        string? subAttribute = null;

        if (!AtEnd && Current == '[')
        {
            if (attribute.SubAttribute is not null)
            {
                throw new FilterParseException(
                    pathStart,
                    $"a value filter '[...]' can only follow a top-level attribute, not '{attribute.FullName}'");
            }

            valueFilter = ParseBracketFilter();
            RejectNestedValueFilter();
            if (!AtEnd && Current == '.')
            {
                _position++;
                subAttribute = ReadAttributeName("a sub-attribute name after '].'");
                if (!AtEnd && Current == '.')
                {
                    throw Error("a sub-attribute cannot have further sub-attributes");
                }
            }
        }

        SkipWhitespace();
        if (!AtEnd)
        {
            throw Expected("the end of the path");
        }

        return new PatchPath(attribute, valueFilter, subAttribute);
    }

    private FilterNode ParseOr(bool inValueFilter)
    {
        var left = ParseAnd(inValueFilter);
        while (TryReadKeyword("or"))
        {
            var right = ParseAnd(inValueFilter);
            left = new LogicalFilter(LogicalOperator.Or, left, right);
        }

        return left;
    }

    private FilterNode ParseAnd(bool inValueFilter)
    {
        var left = ParseUnary(inValueFilter);
        while (TryReadKeyword("and"))
        {
            var right = ParseUnary(inValueFilter);
            left = new LogicalFilter(LogicalOperator.And, left, right);
        }

        return left;
    }

    private FilterNode ParseUnary(bool inValueFilter)
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Expected(ExpectedOperand);
        }

        if (Current == '(')
        {
            return ParseParenthesized(inValueFilter);
        }

        var wordStart = _position;
        var word = PeekWord();
        if (string.Equals(word, "not", StringComparison.OrdinalIgnoreCase))
        {
            _position += word.Length;
            SkipWhitespace();
            if (AtEnd || Current != '(')
            {
                throw Expected("'(' after 'not' (the operand of 'not' must be parenthesised)");
            }

            EnterNesting(wordStart);
            var inner = ParseParenthesizedBody(inValueFilter);
            _depth--;
            return new NotFilter(inner);
        }

        return ParseAttributeExpression(inValueFilter);
    }

    private FilterNode ParseParenthesized(bool inValueFilter)
    {
        EnterNesting(_position);
        var inner = ParseParenthesizedBody(inValueFilter);
        _depth--;
        return inner;
    }

    /// <summary>Parses <c>"(" filter ")"</c>; the caller has already accounted for the nesting level.</summary>
    private FilterNode ParseParenthesizedBody(bool inValueFilter)
    {
        var open = _position;
        _position++; // '('
        SkipWhitespace();
        if (!AtEnd && Current == ')')
        {
            throw Error("empty parentheses '()'");
        }

        var inner = ParseOr(inValueFilter);
        SkipWhitespace();
        if (AtEnd)
        {
            throw Expected($"')' to close the '(' at position {open}");
        }

        if (Current != ')')
        {
            throw Expected($"'and', 'or' or ')' to close the '(' at position {open}");
        }

        _position++;
        return inner;
    }

    private FilterNode ParseAttributeExpression(bool inValueFilter)
    {
        var pathStart = _position;
        var path = ReadAttributePath(inValueFilter);

        if (AtEnd || Current != '[')
        {
            return ParseComparison(path);
        }

        if (inValueFilter)
        {
            throw Error("nested value filters ('[' inside '[...]') are not allowed");
        }

        if (path.SubAttribute is not null)
        {
            throw new FilterParseException(
                pathStart,
                $"a value filter '[...]' can only follow a top-level attribute, not '{path.FullName}'");
        }

        var valueFilter = ParseBracketFilter();
        RejectNestedValueFilter();

        if (!AtEnd && Current == '.')
        {
            // Entra ID form: emails[type eq "work"].value eq "x". It means "some element of emails has
            // type = work AND value = x", so the trailing comparison is folded into the value filter
            // (a relative sub-attribute comparison), not evaluated independently of the element.
            _position++;
            var subAttribute = ReadAttributeName("a sub-attribute name after '].'");
            if (!AtEnd && (Current == '.' || Current == '['))
            {
                throw Error("a sub-attribute after '[...]' cannot have further sub-attributes or filters");
            }

            var trailing = ParseComparison(new AttributePath(null, subAttribute, null));
            return new ValuePathFilter(path, new LogicalFilter(LogicalOperator.And, valueFilter, trailing));
        }

        return new ValuePathFilter(path, valueFilter);
    }

    private void RejectNestedValueFilter()
    {
        if (!AtEnd && Current == '[')
        {
            throw Error("nested value filters ('[...][...]') are not allowed");
        }
    }

    private FilterNode ParseBracketFilter()
    {
        var open = _position;
        EnterNesting(open);
        _position++; // '['
        SkipWhitespace();
        if (!AtEnd && Current == ']')
        {
            throw Error("empty value filter '[]'");
        }

        var inner = ParseOr(inValueFilter: true);
        SkipWhitespace();
        if (AtEnd)
        {
            throw Expected($"']' to close the '[' at position {open}");
        }

        if (Current != ']')
        {
            throw Current == ')'
                ? Error($"unbalanced ')' inside the value filter opened at position {open}")
                : Expected($"'and', 'or' or ']' to close the '[' at position {open}");
        }

        _position++;
        _depth--;
        return inner;
    }

    private ComparisonFilter ParseComparison(AttributePath path)
    {
        var beforeSpace = _position;
        SkipWhitespace();
        if (AtEnd)
        {
            throw Expected($"an operator ({OperatorList}) after '{path.FullName}'");
        }

        if (_position == beforeSpace)
        {
            throw Expected($"a space and an operator after '{path.FullName}'");
        }

        var operatorStart = _position;
        var word = PeekWord();
        if (word.Length == 0)
        {
            throw Expected($"an operator ({OperatorList}) after '{path.FullName}'");
        }

        var op = word.ToLowerInvariant() switch
        {
            "eq" => ComparisonOperator.Eq,
            "ne" => ComparisonOperator.Ne,
            "co" => ComparisonOperator.Co,
            "sw" => ComparisonOperator.Sw,
            "ew" => ComparisonOperator.Ew,
            "gt" => ComparisonOperator.Gt,
            "ge" => ComparisonOperator.Ge,
            "lt" => ComparisonOperator.Lt,
            "le" => ComparisonOperator.Le,
            "pr" => ComparisonOperator.Pr,
            _ => throw new FilterParseException(operatorStart, $"unknown operator '{word}'; expected {OperatorList}"),
        };
        _position += word.Length;

        if (op == ComparisonOperator.Pr)
        {
            RejectValueAfterPresent();
            return new ComparisonFilter(path, op, null);
        }

        SkipWhitespace();
        if (AtEnd)
        {
            throw Expected($"a value after '{word}'");
        }

        return new ComparisonFilter(path, op, ReadValue());
    }

    private void RejectValueAfterPresent()
    {
        var save = _position;
        SkipWhitespace();
        if (!AtEnd)
        {
            var c = Current;
            var word = PeekWord();
            if (c == '"' || c == '-' || char.IsAsciiDigit(c)
                || string.Equals(word, "true", StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, "false", StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, "null", StringComparison.OrdinalIgnoreCase))
            {
                throw Error("the 'pr' (present) operator does not take a value");
            }
        }

        _position = save;
    }

    private FilterValue ReadValue()
    {
        var c = Current;
        if (c == '"')
        {
            return FilterValue.FromString(ReadString());
        }

        var start = _position;
        var token = ReadBareToken();
        if (token.Length == 0)
        {
            throw Expected("a value (a \"string\", a number, true, false or null)");
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ParseNumber(token, start);
        }

        if (string.Equals(token, "true", StringComparison.OrdinalIgnoreCase))
        {
            return FilterValue.True;
        }

        if (string.Equals(token, "false", StringComparison.OrdinalIgnoreCase))
        {
            return FilterValue.False;
        }

        if (string.Equals(token, "null", StringComparison.OrdinalIgnoreCase))
        {
            return FilterValue.Null;
        }

        throw new FilterParseException(
            start,
            $"expected a value (a \"string\", a number, true, false or null) but found '{Shorten(token)}' (strings must be in double quotes)");
    }

    private static FilterValue ParseNumber(string token, int start)
    {
        if (!IsJsonNumber(token))
        {
            throw new FilterParseException(start, $"invalid number '{Shorten(token)}'");
        }

        if (!decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new FilterParseException(start, $"number '{Shorten(token)}' is out of range");
        }

        return FilterValue.FromNumber(value, token);
    }

    /// <summary>JSON number: <c>-? (0 / [1-9] DIGIT*) [. DIGIT+] [(e/E) [+/-] DIGIT+]</c>.</summary>
    private static bool IsJsonNumber(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            i = SkipDigits(s, i);
        }

        if (i < s.Length && s[i] == '.')
        {
            var fractionStart = ++i;
            i = SkipDigits(s, i);
            if (i == fractionStart)
            {
                return false;
            }
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            var exponentStart = i;
            i = SkipDigits(s, i);
            if (i == exponentStart)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static int SkipDigits(string s, int i)
    {
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Reads a JSON string starting at the opening quote and returns its decoded content.</summary>
    private string ReadString()
    {
        var open = _position;
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new FilterParseException(open, "unterminated string (missing closing '\"')");
            }

            var c = Current;
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error($"control character U+{(int)c:X4} must be escaped inside a string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _position++;
                continue;
            }

            var escapeStart = _position;
            _position++;
            if (AtEnd)
            {
                throw new FilterParseException(open, "unterminated string (it ends with a '\\')");
            }

            var escaped = Current;
            _position++;
            switch (escaped)
            {
                case '"':
                case '\\':
                case '/':
                    builder.Append(escaped);
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u':
                    builder.Append(ReadUnicodeEscape(escapeStart));
                    break;
                default:
                    throw new FilterParseException(escapeStart, $"invalid escape sequence '\\{escaped}' in string");
            }
        }
    }

    private char ReadUnicodeEscape(int escapeStart)
    {
        if (_position + 4 > _text.Length
            || !int.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw new FilterParseException(escapeStart, "invalid unicode escape (expected '\\u' followed by 4 hex digits)");
        }

        _position += 4;
        return (char)code;
    }

    private AttributePath ReadAttributePath(bool inValueFilter)
    {
        var start = _position;
        if (string.Compare(_text, _position, "urn:", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
        {
            if (inValueFilter)
            {
                throw Error("schema-qualified (URN) attribute paths are not allowed inside a value filter '[...]'");
            }

            return ReadUrnAttributePath();
        }

        if (AtEnd || !(char.IsAsciiLetter(Current) || Current == '$'))
        {
            var hint = !AtEnd && (Current == '"' || Current == '-' || char.IsAsciiDigit(Current))
                ? " (the attribute must be on the left side of the operator, the value on the right)"
                : string.Empty;
            throw Expected(ExpectedOperand + hint);
        }

        var name = ReadAttributeName("an attribute name");
        string? subAttribute = null;
        if (!AtEnd && Current == '.')
        {
            if (inValueFilter)
            {
                throw new FilterParseException(
                    start,
                    "attribute paths inside a value filter '[...]' must be plain sub-attribute names (no '.')");
            }

            _position++;
            subAttribute = ReadAttributeName("a sub-attribute name after '.'");
            if (!AtEnd && Current == '.')
            {
                throw Error("a sub-attribute cannot have further sub-attributes");
            }
        }

        return new AttributePath(null, name, subAttribute);
    }

    /// <summary>
    /// Reads <c>urn:...:attr[.sub]</c>. The URN itself contains ':' and '.' (e.g. <c>2.0</c>), so the token is
    /// split at its last ':'; the part after it is <c>attr[.sub]</c>.
    /// </summary>
    private AttributePath ReadUrnAttributePath()
    {
        var start = _position;
        var end = _position;
        while (end < _text.Length && IsUrnPathChar(_text[end]))
        {
            end++;
        }

        var token = _text[start..end];
        var lastColon = token.LastIndexOf(':');
        var urn = token[..lastColon];
        var segments = urn.Split(':');
        if (segments.Length < 3 || Array.Exists(segments, s => s.Length == 0))
        {
            throw new FilterParseException(start, $"invalid schema URN '{Shorten(urn)}' before the attribute name");
        }

        _position = start + lastColon + 1;
        var name = ReadAttributeName($"an attribute name after the schema URN '{Shorten(urn)}:'");
        string? subAttribute = null;
        if (!AtEnd && Current == '.')
        {
            _position++;
            subAttribute = ReadAttributeName("a sub-attribute name after '.'");
        }

        if (_position != end)
        {
            throw Error($"unexpected character '{Current}' in attribute path");
        }

        return new AttributePath(urn, name, subAttribute);
    }

    /// <summary><c>ATTRNAME = ALPHA *(ALPHA / DIGIT / "-" / "_")</c>, or <c>$ref</c>.</summary>
    private string ReadAttributeName(string expected)
    {
        var start = _position;
        if (string.Compare(_text, _position, "$ref", 0, 4, StringComparison.OrdinalIgnoreCase) == 0
            && (_position + 4 >= _text.Length || !IsNameChar(_text[_position + 4])))
        {
            _position += 4;
            return _text.Substring(start, 4);
        }

        if (AtEnd || !char.IsAsciiLetter(Current))
        {
            throw Expected(expected);
        }

        while (!AtEnd && IsNameChar(Current))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private bool TryReadKeyword(string keyword)
    {
        var save = _position;
        SkipWhitespace();
        var word = PeekWord();
        if (string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase))
        {
            _position += word.Length;
            return true;
        }

        _position = save;
        return false;
    }

    /// <summary>The run of name characters at the current position (not consumed).</summary>
    private string PeekWord()
    {
        var end = _position;
        while (end < _text.Length && IsNameChar(_text[end]))
        {
            end++;
        }

        return _text[_position..end];
    }

    /// <summary>Reads an unquoted value token (number or keyword) up to the next delimiter.</summary>
    private string ReadBareToken()
    {
        var start = _position;
        while (!AtEnd && !IsDelimiter(Current))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && (Current == ' ' || Current == '\t'))
        {
            _position++;
        }
    }

    private void EnterNesting(int at)
    {
        if (_depth >= _maxDepth)
        {
            throw new FilterParseException(at, $"the input is nested too deeply (the maximum depth is {_maxDepth})");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new FilterParseException(at, "the input is nested too deeply");
        }

        _depth++;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_';

    private static bool IsUrnPathChar(char c) => IsNameChar(c) || c == ':' || c == '.' || c == '$';

    private static bool IsDelimiter(char c) => c is ' ' or '\t' or '(' or ')' or '[' or ']' or '"';

    private FilterParseException Error(string reason) => new(_position, reason);

    private FilterParseException Expected(string what) =>
        new(_position, $"expected {what} but found {Describe()}");

    private string Describe()
    {
        if (AtEnd)
        {
            return "the end of the input";
        }

        var end = _position;
        while (end < _text.Length && end - _position < 20 && !char.IsWhiteSpace(_text[end]))
        {
            end++;
        }

        return end == _position ? $"'{Current}'" : $"'{_text[_position..end]}'";
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
