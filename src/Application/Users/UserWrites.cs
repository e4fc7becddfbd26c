using ScimClean.Domain.Users;

namespace ScimClean.Application.Users;

internal static class UserWrites
{
    /// <summary>Replaces a user's attributes after checking that a changed userName is still free.</summary>
    public static async Task<Result> ReplaceAsync(
        IUserRepository users,
        User user,
        UserInput input,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var normalizedUserName = UserAttributes.NormalizeUserName(input.Attributes.UserName);
        if (normalizedUserName != user.NormalizedUserName
            && await users.UserNameExistsAsync(user.OrganizationId, normalizedUserName, user.Id, cancellationToken))
        {
            return UserErrors.UserNameTaken(input.Attributes.UserName);
        }

        user.Replace(input.Attributes, input.PasswordHash, now);
        return Result.Success();
    }
}
