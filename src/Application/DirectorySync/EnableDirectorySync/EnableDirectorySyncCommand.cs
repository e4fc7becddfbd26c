namespace ScimClean.Application.DirectorySync.EnableDirectorySync;

public sealed record EnableDirectorySyncCommand(string Domain, string PublicBaseUrl)
    : ICommand<Result<DirectorySyncCredentials>>;
