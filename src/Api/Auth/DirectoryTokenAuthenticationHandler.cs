using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ScimClean.Api.ScimErrors;
using ScimClean.Application.DirectorySync.AuthenticateDirectory;

namespace ScimClean.Api.Auth;

/// <summary>
/// Authenticates a SCIM request against the token of the organization named in its URL. Whatever the cause
/// (unknown domain, another organization's token, revoked token), the answer is the same 401.
/// </summary>
internal sealed class DirectoryTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ISender sender,
    DirectoryCredentialCache credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string DomainRouteValue = "orgDomain";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerToken.TryRead(Request, out var token))
        {
            return AuthenticateResult.NoResult();
        }

        if (Context.GetRouteValue(DomainRouteValue) is not string domain)
        {
            return AuthenticateResult.NoResult();
        }

        // A token accepted moments ago skips the mediator and the database; a wrong one never gets here.
        if (credentials.TryGet(domain, token, out var cached))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(DirectoryClaims.ToPrincipal(cached), Scheme.Name));
        }

        var result = await sender.Send(new AuthenticateDirectoryCommand(domain, token), Context.RequestAborted);
        return result.IsSuccess
            ? AuthenticateResult.Success(new AuthenticationTicket(DirectoryClaims.ToPrincipal(result.Value), Scheme.Name))
            : AuthenticateResult.Fail("invalid directory token");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"scim\"";
        return ScimResults.WriteAsync(Context, ScimErrorResponse.Create(
            StatusCodes.Status401Unauthorized,
            null,
            "Authentication failed: send the organization's secret token as 'Authorization: Bearer <token>'."));
    }
}
