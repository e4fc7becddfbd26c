namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// A parsed PATCH <c>path</c> (RFC 7644 §3.5.2): <c>attrPath</c> or <c>attrPath[valFilter][.subAttr]</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>name.givenName</c> → <c>Attribute = (null, name, givenName)</c>, no filter, no <see cref="SubAttribute"/>.</item>
/// <item><c>emails[type eq "work"].value</c> → <c>Attribute = (null, emails, null)</c>, filter <c>type eq "work"</c>, <see cref="SubAttribute"/> <c>value</c>.</item>
/// <item><c>members[value eq "abc"]</c> → <c>Attribute = (null, members, null)</c>, filter, no <see cref="SubAttribute"/>.</item>
/// </list>
/// <see cref="SubAttribute"/> is only set together with <see cref="ValueFilter"/>; a dotted path without a filter keeps its
/// sub-attribute in <see cref="AttributePath.SubAttribute"/>. Compare names case-insensitively (see <see cref="AttributePath"/>).
/// </remarks>
/// <param name="Attribute">The targeted attribute.</param>
/// <param name="ValueFilter">The <c>[...]</c> filter selecting elements; its paths are relative to <paramref name="Attribute"/>.</param>
/// <param name="SubAttribute">The sub-attribute after <c>].</c>, or <see langword="null"/>.</param>
public sealed record PatchPath(AttributePath Attribute, FilterNode? ValueFilter, string? SubAttribute);
