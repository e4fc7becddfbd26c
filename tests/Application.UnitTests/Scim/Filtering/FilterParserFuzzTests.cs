using System.Text;
using ScimClean.Application.Scim;
using ScimClean.Application.Scim.Filtering;

namespace ScimClean.Application.UnitTests.Scim.Filtering;

public sealed class FilterParserFuzzTests
{
    private const int Seed = 20240607;
    private const int MutationsPerSeed = 120;
    private const int RandomInputs = 1500;
    private const int TokenSoupInputs = 1500;

    private static readonly string[] SeedFilters =
    [
        "userName eq \"bjensen\"",
        "name.familyName co \"O'Malley\"",
        "userName sw \"J\"",
        "title pr",
        "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
        "title pr and userType eq \"Employee\"",
        "title pr or userType eq \"Intern\"",
        "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
        "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
        "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
        "emails[type eq \"work\"].value eq \"x@contoso.com\"",
        "roles[primary eq \"True\"]",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090-4610-87a4-49d0ca6ba2ce\"",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"a\\u00e9\\\"b\"",
        "age ge -1.5e3 and active eq TRUE or nickName eq null",
        "members[value eq \"abc\" or $ref pr]",
    ];

    private static readonly string[] Tokens =
    [
        "userName", "emails", "name.givenName", "urn:ietf:params:scim:schemas:core:2.0:User:", "value", "type", "$ref",
        "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "EQ", "and", "or", "not", "AND", "Not",
        "(", ")", "[", "]", ".", ":", "\"", "\"x\"", "\"\\u00\"", "\\", "1", "-", "1.5", "1e9", "true", "null", " ", "\t", "",
    ];

    private const string Alphabet = "abcdeqnotrupANDOReq()[]\"\\.:$-_ \t0123456789+eE/u,;#@é\u0000\u0001\n\uD83D";

    [Fact]
    public void Parse_WhenRandomAndMutatedInputs_ShouldOnlyEverThrowFilterParseException()
    {
        // Arrange
        var random = new Random(Seed);
        var inputs = new List<string>();
        foreach (var seed in SeedFilters)
        {
            inputs.Add(seed);
            for (var i = 0; i < MutationsPerSeed; i++)
            {
                inputs.Add(Mutate(seed, random));
            }
        }

        for (var i = 0; i < RandomInputs; i++)
        {
            inputs.Add(RandomString(random, random.Next(0, 40)));
        }

        for (var i = 0; i < TokenSoupInputs; i++)
        {
            inputs.Add(TokenSoup(random, random.Next(1, 12)));
        }

        var options = new[] { FilterParserOptions.Default, new FilterParserOptions(MaxLength: 64, MaxDepth: 2) };
        var unexpected = new List<string>();
        var parsed = 0;
        var rejected = 0;

        // Act
        foreach (var input in inputs)
        {
            foreach (var option in options)
            {
                try
                {
                    _ = FilterParser.Parse(input, option);
                    parsed++;
                }
                catch (FilterParseException)
                {
                    rejected++;
                }
                catch (Exception ex)
                {
                    unexpected.Add($"{ex.GetType().Name} for filter {Escape(input)}: {ex.Message}");
                }

                try
                {
                    _ = PatchPathParser.Parse(input, option);
                }
                catch (PatchPathParseException)
                {
                    // expected for most inputs
                }
                catch (Exception ex)
                {
                    unexpected.Add($"{ex.GetType().Name} for path {Escape(input)}: {ex.Message}");
                }
            }

            _ = AttributePath.TryParse(input, out _);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Fuzzed {inputs.Count} inputs x {options.Length} option sets: {parsed} parsed, {rejected} rejected with FilterParseException.");

        // Assert
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected.Take(20)));
        Assert.True(parsed > 0, "the corpus should contain some valid filters");
        Assert.True(rejected > 0, "the corpus should contain some invalid filters");
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var position = builder.Length == 0 ? 0 : random.Next(builder.Length);
            switch (random.Next(6))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(position, 1);
                    break;
                case 1:
                    builder.Insert(position, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2 when builder.Length > 0:
                    builder[position] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    builder.Length = position;
                    break;
                case 4:
                    builder.Insert(position, Tokens[random.Next(Tokens.Length)]);
                    break;
                default:
                    var length = random.Next(0, Math.Max(1, builder.Length - position));
                    builder.Insert(position, builder.ToString(position, length));
                    break;
            }
        }

        return builder.ToString();
    }

    private static string RandomString(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static string TokenSoup(Random random, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(Tokens[random.Next(Tokens.Length)]);
            if (random.Next(3) > 0)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static string Escape(string s)
    {
        var builder = new StringBuilder("'");
        foreach (var c in s)
        {
            builder.Append(c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.Append('\'').ToString();
    }
}
