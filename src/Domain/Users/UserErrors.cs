namespace ScimClean.Domain.Users;

public static class UserErrors
{
    public static readonly Error UserNameRequired = Error.Validation("user.username_required", "userName is required");

    public static Error UserNameTooLong(int max) =>
        Error.Validation("user.username_too_long", $"userName has at most {max} characters");

    public static Error MoreThanOnePrimary(string attribute) => Error.Validation(
        "user.more_than_one_primary", $"at most one value of '{attribute}' can be primary");

    public static Error UserNameTaken(string userName) => new(
        "user.username_taken", $"a user with the userName '{userName}' already exists", ErrorKind.Uniqueness);

    public static Error NotFound(string id) => Error.NotFound("user.not_found", $"no user with the id '{id}'");

    public static Error InvalidAttribute(string attribute, string reason) =>
        Error.Validation("user.invalid_attribute", $"'{attribute}' {reason}");
}
