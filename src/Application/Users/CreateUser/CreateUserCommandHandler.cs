using ScimClean.Application.Common.Security;
using ScimClean.Application.Scim;
using ScimClean.Domain.Users;

namespace ScimClean.Application.Users.CreateUser;

internal sealed class CreateUserCommandHandler(IUserRepository users, IPasswordHasher passwords, TimeProvider clock)
    : ICommandHandler<CreateUserCommand, Result<ScimResourceResult>>
{
    public async ValueTask<Result<ScimResourceResult>> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var input = UserInput.From(command.Body, passwords);
        if (input.IsFailure)
        {
            return input.Error!;
        }

        var attributes = input.Value.Attributes;
        var normalizedUserName = UserAttributes.NormalizeUserName(attributes.UserName);
        if (await users.UserNameExistsAsync(command.OrganizationId, normalizedUserName, null, cancellationToken))
        {
            return UserErrors.UserNameTaken(attributes.UserName);
        }

        var user = User.Create(command.OrganizationId, attributes, input.Value.PasswordHash, clock.GetUtcNow());
        users.Add(user);
        return UserResource.ToResult(user, command.ScimBaseUrl, groups: null);
    }
}
