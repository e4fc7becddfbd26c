namespace ScimClean.Application.Common.Security;

/// <summary>Slow, salted hashing for user passwords, which unlike tokens are guessable.</summary>
public interface IPasswordHasher
{
    string Hash(string password);
}
