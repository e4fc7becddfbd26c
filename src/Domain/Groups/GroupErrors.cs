namespace ScimClean.Domain.Groups;

public static class GroupErrors
{
    public static readonly Error DisplayNameRequired = Error.Validation("group.displayname_required", "displayName is required");

    public static Error DisplayNameTooLong(int max) =>
        Error.Validation("group.displayname_too_long", $"displayName has at most {max} characters");

    public static Error DisplayNameTaken(string displayName) => new(
        "group.displayname_taken", $"a group with the displayName '{displayName}' already exists", ErrorKind.Uniqueness);

    public static Error NotFound(string id) => Error.NotFound("group.not_found", $"no group with the id '{id}'");

    public static Error UnknownMembers(IEnumerable<string> ids) => Error.Validation(
        "group.unknown_members",
        $"members must be users or groups of this organization; unknown: {string.Join(", ", ids.Take(10))}");

    public static readonly Error GroupCannotContainItself =
        Error.Validation("group.self_member", "a group cannot be a member of itself");
}
