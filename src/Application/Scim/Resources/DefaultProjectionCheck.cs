using System.Text;
using System.Text.Json;
using ScimClean.Application.Scim.Schemas;

namespace ScimClean.Application.Scim.Resources;

/// <summary>
/// Whether the default projection (neither <c>attributes</c> nor <c>excludedAttributes</c> given) is certain to keep a
/// stored document whole, decided on its UTF-8 JSON in one pass, without building a tree: what lets a stored user be
/// written straight from its document.
/// </summary>
/// <remarks>
/// Conservative: a document holding a null, an empty object or array, a schema URN whose value is not an object, or,
/// at any depth, a name that some schema returns only on request or never (password), is answered false, and the caller
/// projects a tree, where <see cref="AttributeProjection.Apply(System.Text.Json.Nodes.JsonObject)"/> decides exactly.
/// Those are all the things that projection drops or rewrites when no list is given. Names compare as the schemas
/// do, ignoring case.
/// </remarks>
public static class DefaultProjectionCheck
{
    private static readonly string[] WithheldNames = ScimSchemas.All
        .SelectMany(schema => schema.Attributes)
        .Concat(ScimSchemas.CommonAttributes)
        .SelectMany(attribute => attribute.SubAttributes.Prepend(attribute))
        .Where(attribute => attribute.Returned is Returned.Never or Returned.Request)
        .Select(attribute => attribute.Name)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToArray();

    private static readonly byte[][] WithheldUtf8Names = [.. WithheldNames.Select(Encoding.UTF8.GetBytes)];

    public static bool KeepsWhole(ReadOnlySpan<byte> utf8Document)
    {
        var reader = new Utf8JsonReader(utf8Document);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var previous = JsonTokenType.StartObject;
        var valueOfUrn = false;
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token == JsonTokenType.Null
                || (token == JsonTokenType.EndObject && previous == JsonTokenType.StartObject)
                || (token == JsonTokenType.EndArray && previous == JsonTokenType.StartArray)
                || (valueOfUrn && token != JsonTokenType.StartObject))
            {
                return false;
            }

            valueOfUrn = false;
            if (token == JsonTokenType.PropertyName)
            {
                var (withheld, urn) = Classify(ref reader);
                if (withheld)
                {
                    return false;
                }

                // Only a top-level URN names an extension's object.
                valueOfUrn = urn && reader.CurrentDepth == 1;
            }

            previous = token;
        }

        return true;
    }

    private static (bool Withheld, bool Urn) Classify(ref Utf8JsonReader reader)
    {
        var name = reader.ValueSpan;
        if (!reader.ValueIsEscaped && Ascii.IsValid(name))
        {
            var withheld = false;
            foreach (var candidate in WithheldUtf8Names)
            {
                withheld |= Ascii.EqualsIgnoreCase(name, candidate);
            }

            return (withheld, name.Length >= ScimSchemaUrns.UrnPrefix.Length
                && Ascii.EqualsIgnoreCase(name[..ScimSchemaUrns.UrnPrefix.Length], ScimSchemaUrns.UrnPrefix));
        }

        // Escaped (\u0070assword is password) or not ASCII: unescaped and compared as the schemas compare.
        var text = reader.GetString()!;
        return (WithheldNames.Any(candidate => string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase)),
            ScimSchemaUrns.IsUrn(text));
    }
}
