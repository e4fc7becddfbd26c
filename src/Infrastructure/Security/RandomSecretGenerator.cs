using System.Buffers.Text;
using System.Security.Cryptography;
using ScimClean.Application.Common.Security;

namespace ScimClean.Infrastructure.Security;

internal sealed class RandomSecretGenerator : ISecretGenerator
{
    private const int TokenBytes = 32;

    public string NewToken(string prefix) =>
        prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
}
