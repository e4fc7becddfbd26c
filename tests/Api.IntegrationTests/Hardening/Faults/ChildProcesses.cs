namespace ScimClean.Api.IntegrationTests.Hardening.Faults;

/// <summary>
/// Tests that run the service as child processes run alone: a child competing with the in-process tests for two cores
/// would slow both, and timing-sensitive tests (concurrency retries) would pay for it. They also write to the console,
/// which <see cref="Admin.ConsoleCapture"/> tests capture process-wide.
/// </summary>
[CollectionDefinition(nameof(ChildProcesses), DisableParallelization = true)]
public sealed class ChildProcesses;
