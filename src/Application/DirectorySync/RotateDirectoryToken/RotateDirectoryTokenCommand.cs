namespace ScimClean.Application.DirectorySync.RotateDirectoryToken;

public sealed record RotateDirectoryTokenCommand(string Domain, string PublicBaseUrl, int GracePeriodSeconds)
    : ICommand<Result<DirectorySyncCredentials>>;
