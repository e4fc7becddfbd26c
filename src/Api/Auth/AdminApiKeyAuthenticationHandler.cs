using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ScimClean.Application.Common.Security;

namespace ScimClean.Api.Auth;

internal sealed class AdminApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminApiKeyHash keyHash,
    ISecretHasher hasher)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerToken.TryRead(Request, out var key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!hasher.Matches(key, keyHash.Value))
        {
            return Task.FromResult(AuthenticateResult.Fail("invalid admin API key"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "admin")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"admin\"";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            detail: "Send the admin API key as 'Authorization: Bearer <key>'.").ExecuteAsync(Context);
    }
}
