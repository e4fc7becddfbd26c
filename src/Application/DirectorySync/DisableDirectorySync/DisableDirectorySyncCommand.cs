namespace ScimClean.Application.DirectorySync.DisableDirectorySync;

public sealed record DisableDirectorySyncCommand(string Domain) : ICommand<Result>;
