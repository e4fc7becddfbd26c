using System.Globalization;
using System.Text;
using CsCheck;

namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>
/// CsCheck generators for hostile SCIM traffic: random and mutated users, groups and PatchOps (wrong types, unicode with
/// lone surrogates, control characters, huge numbers, deep nesting, broken JSON, invalid UTF-8), random filters and
/// query parameters, and garbage headers.
/// </summary>
public static class ScimFuzzGenerators
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private const string SearchSchema = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    private static readonly string[] AttributeNames =
    [
        "schemas", "id", "externalId", "userName", "displayName", "active", "name", "emails", "phoneNumbers", "addresses",
        "title", "nickName", "locale", "timezone", "preferredLanguage", "userType", "profileUrl", "password", "roles",
        "entitlements", "ims", "photos", "x509Certificates", "groups", "members", "meta", EnterpriseSchema,
        "urn:ietf:params:scim:schemas:extension:Acme:2.0:User", "Operations", "UserName", "EMAILS", "$ref", "value",
    ];

    private static readonly string[] Paths =
    [
        "userName", "displayName", "active", "externalId", "title", "name", "name.givenName", "name.familyName", "emails",
        "emails[type eq \"work\"].value", "emails[type eq \"work\"]", "emails[primary eq true].value", "phoneNumbers[type eq \"mobile\"].value",
        "addresses[type eq \"work\"].streetAddress", "addresses[type eq \"work\"].postalCode", "roles", "groups", "id", "meta",
        "meta.created", "schemas", "members", "members[value eq \"{user}\"]", "members[value eq \"not-a-guid\"]", "members.value",
        EnterpriseSchema + ":manager", EnterpriseSchema + ":employeeNumber", EnterpriseSchema + ":manager.value", EnterpriseSchema,
        "urn:ietf:params:scim:schemas:core:2.0:User:displayName", "urn:ietf:params:scim:schemas:extension:Acme:2.0:User:x",
        "emails[value co \"@\" and not (type eq \"home\")].display", "password", "", " ", "[", "emails[", "a.b.c.d", "members[",
    ];

    private static readonly string[] Filters =
    [
        "userName eq \"bjensen\"", "displayName co \"a\"", "emails[type eq \"work\" and value co \"@\"]", "members[value eq \"{user}\"]",
        "meta.lastModified gt \"2020-01-01T00:00:00Z\"", "not (active eq true)", "externalId pr", "id eq \"{user}\"",
        EnterpriseSchema + ":employeeNumber eq \"1\"", "name.givenName sw \"B\"", "(userName eq \"a\") or (displayName eq \"b\")",
        "title gt 5", "active eq \"true\"", "emails.value ew \".com\"", "meta.created ge \"not-a-date\"", "displayName eq null",
        "userName eq \"\\u00e9\\ud800\"", "members eq \"x\"", "groups[value eq \"{group}\"]", "x eq 1", "userName lt 1e999",
        "displayName eq 123456789012345678901234567890", "userName eq true and active eq 12.5e3",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/scim+json", "application/json", "application/scim+json; charset=utf-8", "text/plain", "application/xml",
        "application/json; charset=utf-16", "multipart/form-data; boundary=x", "////", "application/scim+json;;;", "*/*",
    ];

    private static readonly string[] Authorizations =
    [
        "Bearer", "Bearer ", "Bearer not-a-token", "Basic dXNlcjpwYXNz", "bearer {token}x", "Bearer {token} {token}", "{token}",
        "Bearer scd_" + new string('A', 300), "Negotiate abc", "Bearer \u00e9",
    ];

    private static readonly string[] IfMatches = ["*", "{etag}", "W/\"1\"", "\"garbage\"", "W/", "\"\"", "W/\"99999999999999999999\"", ",,,", "{etag}, *"];

    private static readonly string[] NastyStrings =
    [
        "", " ", "\0", "\u0001\u001f\u007f", "\ud800", "\udc00", "a\ud83d", "\ud83d\ude00", "\uFEFF", "\uFFFF", "e\u0301", "İı",
        "' OR 1=1 --", "%00", "../../etc/passwd", "<script>", "{user}", "null", "true", "1e999", "\\", "\"", "\r\n",
        "urn:ietf:params:scim:schemas:core:2.0:User", "🧨💥", "ǅ", "ß", "ΣΑΣ",
    ];

    /// <summary>Any string: nasty ones, random BMP characters (lone surrogates included), or long ones.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.OneOf(NastyStrings)),
        (3, Gen.Char[(char)0, (char)0xFFFF].Array[0, 12].Select(chars => new string(chars))),
        (3, Gen.String[0, 16]),
        (1, Gen.Int[100, 20_000].Select(length => new string('x', length))));

    private static readonly Gen<string> Number = Gen.Frequency(
        (3, Gen.Long.Select(value => value.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Double.Select(value => value.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.OneOf("1e999", "-1e-999", "123456789012345678901234567890", "0.0000000001", "-0", "1E+400", "9223372036854775808", "NaN", "01")));

    private static readonly Gen<string> Leaf = Gen.Frequency(
        (1, Gen.OneOf("null", "true", "false", "{}", "[]")),
        (2, Number),
        (4, Text.Select(JsonString)));

    private static readonly Gen<string> Name = Gen.Frequency((3, Gen.OneOf(AttributeNames)), (1, Text));

    private static readonly Gen<string> Value = JsonValue(3);

    /// <summary>A path: a known one, a mutated known one, or random text.</summary>
    private static readonly Gen<string> Path = Gen.Frequency(
        (4, Gen.OneOf(Paths)),
        (2, Mutate(Gen.OneOf(Paths))),
        (1, Text));

    private static readonly Gen<string> Filter = Gen.Frequency(
        (4, Gen.OneOf(Filters)),
        (3, Mutate(Gen.OneOf(Filters))),
        (1, Gen.Int[1, 60].Select(depth => new string('(', depth) + "userName eq \"x\"" + new string(')', depth))),
        (1, Gen.Int[1, 300].Select(count => string.Join(" or ", Enumerable.Repeat("userName eq \"x\"", count)))),
        (1, Text));

    private static readonly Gen<string> Deep = Gen.Select(Gen.Int[20, 400], Gen.Bool, (depth, arrays) => arrays
        ? new string('[', depth) + "1" + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));

    private static readonly Gen<string> Operation = Gen.Select(
        Gen.Frequency((6, Gen.OneOf("add", "replace", "remove", "Add", "Replace", "Remove")), (1, Gen.OneOf("delete", "", "ADD", "move", "copy", "test")), (1, Text)),
        Gen.Frequency((5, Path), (1, Gen.Const("(none)"))),
        Gen.Frequency((3, Value), (2, PlausibleValue()), (1, Deep), (1, Gen.Const("(none)"))),
        (op, path, value) =>
        {
            var members = new List<string> { $"\"op\":{JsonString(op)}" };
            if (path != "(none)")
            {
                members.Add($"\"path\":{JsonString(path)}");
            }

            if (value != "(none)")
            {
                members.Add($"\"value\":{value}");
            }

            return "{" + string.Join(",", members) + "}";
        });

    private static readonly Gen<string> PatchBody = Gen.Frequency(
        (6, Operation.Array[1, 6].Select(ops => $"{{\"schemas\":[\"{PatchOpSchema}\"],\"Operations\":[{string.Join(",", ops)}]}}")),
        (1, Gen.Select(Value, Value, (schemas, operations) => $"{{\"schemas\":{schemas},\"Operations\":{operations}}}")),
        (1, Value));

    private static readonly Gen<string> UserBody = ResourceBody(
        $"{{\"schemas\":[\"{UserSchema}\",\"{EnterpriseSchema}\"],\"userName\":\"fuzz-{{n}}@example.com\",\"active\":true,\"displayName\":\"Fuzz\"," +
        "\"emails\":[{\"value\":\"fuzz@example.com\",\"type\":\"work\",\"primary\":true}],\"name\":{\"givenName\":\"F\",\"familyName\":\"Z\"}," +
        $"\"{EnterpriseSchema}\":{{\"employeeNumber\":\"1\",\"manager\":{{\"value\":\"{{user}}\"}}}}}}");

    private static readonly Gen<string> GroupBody = ResourceBody(
        $"{{\"schemas\":[\"{GroupSchema}\"],\"displayName\":\"Fuzz group {{n}}\",\"externalId\":\"x\",\"members\":[{{\"value\":\"{{user}}\"}}]}}");

    private static readonly Gen<string> SearchBody = Gen.Select(
        Gen.Frequency((3, Filter.Select(JsonString)), (1, Value)),
        Gen.Frequency((3, Gen.Int[-5, 2000].Select(n => n.ToString(CultureInfo.InvariantCulture))), (1, Value)),
        Gen.Frequency((3, Gen.OneOf("[\"userName\"]", "[\"members\"]", "\"displayName,emails\"", "[]")), (1, Value)),
        (filter, count, attributes) =>
            $"{{\"schemas\":[\"{SearchSchema}\"],\"filter\":{filter},\"count\":{count},\"startIndex\":{count},\"attributes\":{attributes},\"sortBy\":{filter}}}");

    private static readonly Gen<string> Query = Gen.Select(
        Gen.Frequency((3, Filter), (1, Gen.Const(string.Empty))),
        Gen.Frequency((2, Gen.Int.Select(n => n.ToString(CultureInfo.InvariantCulture))), (1, Gen.OneOf("", "abc", "1e3", "99999999999", "-1", "0x10"))),
        Gen.Frequency((2, Gen.OneOf("userName", "displayName", "meta.lastModified", "emails.value", "name.givenName", "")), (1, Text)),
        Gen.Frequency((2, Gen.OneOf("userName", "members", "emails,name", "", EnterpriseSchema)), (1, Text)),
        (filter, number, sortBy, attributes) =>
            $"?filter={Uri.EscapeDataString(ScrubSurrogates(filter))}&count={number}&startIndex={number}&sortBy={Uri.EscapeDataString(ScrubSurrogates(sortBy))}" +
            $"&sortOrder=descending&attributes={Uri.EscapeDataString(ScrubSurrogates(attributes))}&excludedAttributes={Uri.EscapeDataString(ScrubSurrogates(attributes))}");

    /// <summary>Any request: mostly well-formed with hostile content, some with broken bytes or headers.</summary>
    public static readonly Gen<FuzzRequest> Request = Gen.Select(
        Gen.Frequency(
            (3, UserBody.Select(body => Plain("create-user", "POST", "/Users", body))),
            (2, GroupBody.Select(body => Plain("create-group", "POST", "/Groups", body))),
            (2, UserBody.Select(body => Plain("replace-user", "PUT", "/Users/{user}", body))),
            (2, GroupBody.Select(body => Plain("replace-group", "PUT", "/Groups/{group}", body))),
            (5, PatchBody.Select(body => Plain("patch-user", "PATCH", "/Users/{user}", body))),
            (4, PatchBody.Select(body => Plain("patch-group", "PATCH", "/Groups/{group}", body))),
            (2, Query.Select(query => Plain("list-users", "GET", "/Users" + query, null))),
            (2, Query.Select(query => Plain("list-groups", "GET", "/Groups" + query, null))),
            (2, SearchBody.Select(body => Plain("search", "POST", "/Users/.search", body))),
            (1, SearchBody.Select(body => Plain("search", "POST", "/Groups/.search", body))),
            (1, Query.Select(query => Plain("get-user", "GET", "/Users/{user}" + query, null))),
            (1, Gen.Select(Gen.OneOf("/Users/", "/Groups/", "/Schemas/", "/ResourceTypes/", "/Bulk/", "/Me/", "/Users/.search/"), Text,
                (prefix, id) => Plain("odd-route", "GET", prefix + Uri.EscapeDataString(ScrubSurrogates(id).Replace("\0", "", StringComparison.Ordinal)), null))),
            (1, Gen.OneOf("/Users/{user}", "/Groups/{group}", "/Users/00000000-0000-0000-0000-000000000000", "/Groups/x")
                .Select(path => Plain("delete", "DELETE", path, null) with { IfMatch = "\"garbage\"" }))),
        Gen.Frequency((8, Gen.OneOf(new string?[] { null })), (1, Gen.OneOf<string?>(ContentTypes))),
        Gen.Frequency((6, Gen.OneOf(new string?[] { null })), (1, Gen.OneOf<string?>(IfMatches))),
        Gen.Frequency((12, Gen.OneOf(new string?[] { null })), (1, Gen.OneOf<string?>(Authorizations))),
        Gen.Frequency((10, Gen.Const(0)), (1, Gen.Int[1, 3])),
        Gen.Int[0, int.MaxValue],
        (request, contentType, ifMatch, authorization, byteMutation, position) =>
        {
            var mutated = request with
            {
                ContentType = request.Body is null ? null : contentType ?? request.ContentType,
                IfMatch = request.Method == "DELETE" ? request.IfMatch : ifMatch,
                Authorization = authorization,
            };
            return byteMutation == 0 || mutated.Body is not { Length: > 0 } bytes
                ? mutated
                : mutated with { Body = MutateBytes(bytes, byteMutation, position) };
        });

    /// <summary>A resource body: a valid template with attributes replaced by random values, sometimes broken as text.</summary>
    private static Gen<string> ResourceBody(string template)
    {
        var valid = Gen.Select(
            Gen.Select(Name, Gen.Frequency((4, Value), (1, PlausibleValue()), (1, Deep))).Array[0, 4],
            Gen.Int[0, 1_000_000],
            (overrides, n) =>
            {
                var body = System.Text.Json.Nodes.JsonNode.Parse(
                    template.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))!.AsObject();
                foreach (var (name, _) in overrides)
                {
                    body.Remove(name);
                }

                var extra = overrides.Select(pair => $"{JsonString(pair.Item1)}:{pair.Item2}");
                var members = body.ToJsonString()[1..^1];
                return "{" + string.Join(",", (members.Length == 0 ? extra : extra.Prepend(members))) + "}";
            });
        return Gen.Frequency((6, valid), (2, Mutate(valid)));
    }

    private static Gen<string> PlausibleValue() => Gen.OneOf(
        "\"{user}\"", "[{\"value\":\"{user}\"}]", "[{\"value\":\"{user}\"},{\"value\":\"not-a-guid\"}]", "{\"value\":\"{user}\"}",
        "[{\"value\":\"00000000-0000-0000-0000-000000000000\"}]", "\"False\"", "\"true\"", "[{\"value\":\"a@b.c\",\"type\":\"work\",\"primary\":true}]",
        "{\"displayName\":\"x\",\"active\":false}", "{\"emails\":[{\"value\":\"x@y.z\",\"primary\":\"yes\"}]}", "[\"a\",\"b\"]", "[[1]]",
        "{\"givenName\":{\"a\":1}}", "[{\"value\":{\"value\":\"{user}\"}}]", "[{\"$ref\":null,\"value\":\"{group}\"}]");

    private static Gen<string> JsonValue(int depth) => depth <= 0
        ? Leaf
        : Gen.Frequency(
            (6, Leaf),
            (1, JsonValue(depth - 1).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Name, JsonValue(depth - 1)).Array[0, 4]
                .Select(members => "{" + string.Join(",", members.Select(member => $"{JsonString(member.Item1)}:{member.Item2}")) + "}")));

    /// <summary>Edits text: deletes, inserts or replaces a few characters at random places.</summary>
    private static Gen<string> Mutate(Gen<string> source) => Gen.Select(
        source,
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Char[(char)0, (char)0xFFFF]).Array[1, 3],
        (text, edits) =>
        {
            var builder = new StringBuilder(text);
            foreach (var (kind, position, character) in edits)
            {
                var at = builder.Length == 0 ? 0 : position % builder.Length;
                switch (kind)
                {
                    case 0 when builder.Length > 0:
                        builder.Remove(at, 1);
                        break;
                    case 1:
                        builder.Insert(at, character);
                        break;
                    default:
                        builder.Insert(at, "\"\\{}[],:".AsSpan(position % 8, 1));
                        break;
                }
            }

            return builder.ToString();
        });

    private static byte[] MutateBytes(byte[] bytes, int kind, int position)
    {
        var at = position % bytes.Length;
        return kind switch
        {
            1 => bytes[..at],
            2 => [.. bytes[..at], 0xFF, 0xFE, 0xC0, 0x80, .. bytes[at..]],
            _ => [.. bytes[..at], 0xED, 0xA0, 0x80, .. bytes[at..]],
        };
    }

    private static FuzzRequest Plain(string kind, string method, string path, string? body) => new(
        kind, method, path, body is null ? null : Encoding.UTF8.GetBytes(body), body is null ? null : "application/scim+json", null, null);

    /// <summary>A JSON string literal that escapes everything below 0x20, quotes, backslashes and every surrogate (so lone ones survive).</summary>
    public static string JsonString(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var character in text)
        {
            if (character < 0x20 || character == '"' || character == '\\' || char.IsSurrogate(character))
            {
                builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>URIs cannot carry lone surrogates; they become U+FFFD there. (A NUL in a path never reaches the app: the server answers 400 itself, and the test host throws.)</summary>
    private static string ScrubSurrogates(string text) =>
        text.Any(char.IsSurrogate) ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) : text;
}
