using ScimClean.Api.Auth;
using ScimClean.Application.Audit;

namespace ScimClean.Api.Common;

/// <summary>
/// Names the caller for the audit log. There is one admin API key, so its identity is "admin"; the key itself and
/// its hash never appear (a hash prefix of a short, operator-chosen key would help to guess it).
/// </summary>
internal sealed class HttpAuditActor(IHttpContextAccessor httpContextAccessor) : IAuditActor
{
    public const string Admin = "admin";
    public const string System = "system";

    public string Name =>
        httpContextAccessor.HttpContext?.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.AdminApiKey }
            ? Admin
            : System;
}
