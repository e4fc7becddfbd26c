namespace ScimClean.Application.Scim.Filtering;

/// <summary>
/// <c>attrPath[valFilter]</c>, e.g. <c>emails[type eq "work" and value co "@contoso"]</c>:
/// matches when at least one element of the multi-valued attribute <see cref="Path"/> satisfies <see cref="Inner"/>.
/// All attribute paths inside <see cref="Inner"/> are relative sub-attribute names of <see cref="Path"/>
/// (no schema URN, no further dots).
/// </summary>
/// <remarks>
/// Entra ID also sends <c>emails[type eq "work"].value eq "x"</c>. The parser folds the trailing comparison into
/// the value filter: <c>ValuePathFilter(emails, And(type eq "work", value eq "x"))</c>, because what Entra means is
/// "some single element of <c>emails</c> has both <c>type = work</c> and <c>value = x</c>".
/// </remarks>
public sealed record ValuePathFilter(AttributePath Path, FilterNode Inner) : FilterNode;
