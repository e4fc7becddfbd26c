using NSubstitute;
using ScimClean.Application.Common.Security;

namespace ScimClean.Application.UnitTests.TestSupport;

/// <summary>An <see cref="ISecretHasher"/> substitute with a visible, deterministic "hash".</summary>
internal static class FakeHasher
{
    public static string HashOf(string secret) => $"hash({secret})";

    public static ISecretHasher Create()
    {
        var hasher = Substitute.For<ISecretHasher>();
        hasher.Hash(Arg.Any<string>()).Returns(call => HashOf(call.ArgAt<string>(0)));
        hasher.Matches(Arg.Any<string>(), Arg.Any<string>())
            .Returns(call => HashOf(call.ArgAt<string>(0)) == call.ArgAt<string>(1));
        return hasher;
    }
}
