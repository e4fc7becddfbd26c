using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ScimClean.Api.IntegrationTests.Infrastructure;
using ScimClean.Api.IntegrationTests.Webhooks.Dispatch;

namespace ScimClean.Api.IntegrationTests.Hardening.Faults;

/// <summary>
/// The real service as a child process (<c>dotnet ScimClean.Api.dll</c>), configured only through the environment as
/// an operator would, on a database the test owns. <see cref="KillAsync"/> is SIGKILL on Linux: no shutdown hook runs, so
/// whatever survives is what the database had committed.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const string ApiAssembly = "ScimClean.Api.dll";

    /// <summary>The last lines the service wrote, to explain a start that failed; bounded so a chatty service cannot grow it.</summary>
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;
    private bool _disposed;

    private ServiceProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>From the process start to the first ready answer (startup and migrations).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Starts the service on a free loopback port and waits until it answers <c>/health/ready</c>.</summary>
    public static async Task<ServiceProcess> StartAsync(
        TestDatabase database, IReadOnlyDictionary<string, string> settings, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var assembly = LocateApiAssembly();
        var baseUrl = $"http://127.0.0.1:{WebhookReceiver.FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root (appsettings.json) is the build output, as when an operator runs the published service.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process, baseUrl);
        process.OutputDataReceived += (_, line) => service.Remember(line.Data);
        process.ErrorDataReceived += (_, line) => service.Remember(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync(readyTimeout, cancellationToken);
        return service;
    }

    /// <summary>
    /// The Api's build output. The test project references the Api, so the build copies ScimClean.Api.dll with its
    /// runtimeconfig and deps files next to the test assembly; if a build layout ever stops doing that, the Api's own
    /// output folder of the same configuration is the fallback.
    /// </summary>
    public static string LocateApiAssembly()
    {
        var candidates = new List<string> { AppContext.BaseDirectory };
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScimClean.sln")))
            {
                candidates.Add(Path.Combine(directory.FullName, "src", "Api", "bin", configuration, "net10.0"));
                break;
            }
        }

        foreach (var folder in candidates)
        {
            var assembly = Path.Combine(folder, ApiAssembly);
            if (File.Exists(assembly)
                && File.Exists(Path.ChangeExtension(assembly, ".runtimeconfig.json"))
                && File.Exists(Path.ChangeExtension(assembly, ".deps.json")))
            {
                return assembly;
            }
        }

        throw new InvalidOperationException(
            $"{ApiAssembly} with its .runtimeconfig.json and .deps.json was not found in {string.Join(" or ", candidates)}; " +
            "build the solution first (dotnet build ScimClean.sln).");
    }

    /// <summary>SIGKILL (the whole tree), then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public HttpClient CreateClient(string? bearer = null)
    {
        // No connection reuse across kills is wanted, and a generous timeout: the machine may be busy, and a request
        // cut by the kill fails at once anyway (the socket closes).
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = new Uri(BaseUrl),
            Timeout = TimeSpan.FromSeconds(100),
        };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        }

        return client;
    }

    public string RecentOutput() => string.Join(Environment.NewLine, _output);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
            // Keep only the tail.
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            StartupTime = waited.Elapsed;
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The service exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (waited.Elapsed > timeout)
            {
                await KillAsync();
                throw new TimeoutException(
                    $"The service was not ready within {timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }
}
