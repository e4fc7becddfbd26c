using System.Text.Json.Nodes;
using ScimClean.Application.Common.Security;
using ScimClean.Application.Scim.Resources;
using ScimClean.Application.Scim.Schemas;
using ScimClean.Domain.Users;

namespace ScimClean.Application.Users;

/// <summary>A user body as the client sent it, made canonical and checked: attributes plus a hashed password.</summary>
internal sealed record UserInput(UserAttributes Attributes, string? PasswordHash)
{
    public static Result<UserInput> From(JsonObject body, IPasswordHasher passwords)
    {
        var normalized = ScimResourceNormalizer.Normalize(body, ScimSchemas.UserResourceType);
        if (!normalized.IsValid)
        {
            return normalized.Errors.ToError();
        }

        var document = normalized.Resource!;
        string? passwordHash = null;
        if (document["password"] is JsonValue password && password.TryGetValue<string>(out var clear) && clear.Length > 0)
        {
            passwordHash = passwords.Hash(clear);
        }

        var attributes = UserAttributes.From(document);
        return attributes.IsSuccess ? new UserInput(attributes.Value, passwordHash) : attributes.Error!;
    }
}
