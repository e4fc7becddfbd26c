namespace ScimClean.Api.IntegrationTests.Hardening;

/// <summary>One generated request. Placeholders in <see cref="Path"/> and <see cref="IfMatch"/> are filled in when it is sent.</summary>
/// <param name="Kind">What the request aims at, for the report (e.g. "patch-user").</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query below the SCIM base ({user}, {group}: the fuzzed resources' ids).</param>
/// <param name="Body">Body bytes, or null for none.</param>
/// <param name="ContentType">Content-Type header as sent, or null for none.</param>
/// <param name="IfMatch">If-Match header, or null; "{etag}" is the target's current ETag.</param>
/// <param name="Authorization">Authorization header, or null for the organization's valid token.</param>
public sealed record FuzzRequest(
    string Kind,
    string Method,
    string Path,
    byte[]? Body,
    string? ContentType,
    string? IfMatch,
    string? Authorization)
{
    public override string ToString()
    {
        var body = Body is null ? "(none)" : System.Text.Encoding.UTF8.GetString(Body);
        if (body.Length > 600)
        {
            body = string.Concat(body.AsSpan(0, 600), $"... ({Body!.Length} bytes)");
        }

        return $"{Kind}: {Method} {Path} [Content-Type: {ContentType ?? "-"}; If-Match: {IfMatch ?? "-"}; Authorization: {Authorization ?? "valid"}] {body}";
    }
}
