namespace ScimClean.Application.DirectorySync.GetDirectorySync;

public sealed record GetDirectorySyncQuery(string Domain, string PublicBaseUrl) : IQuery<Result<DirectorySyncStatus>>;
