namespace ScimClean.Application.DirectorySync.AuthenticateDirectory;

/// <summary>
/// Checks a bearer token presented on an organization's SCIM URL. A command, not a query: it records
/// when the directory last called in.
/// </summary>
public sealed record AuthenticateDirectoryCommand(string Domain, string Token) : ICommand<Result<DirectoryPrincipal>>;
