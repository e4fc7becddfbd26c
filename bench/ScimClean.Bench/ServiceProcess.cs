using System.Diagnostics;
using System.Globalization;

namespace ScimClean.Bench;

/// <summary>The service under test, started from its Release build as a child process on a fresh database.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key-0123456789";

    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakRssBytes;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _sampler = Task.Run(SampleRssAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>For attaching dotnet-trace or dotnet-counters while a scenario runs.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// CPU time the service has used so far (user + system). Per request it is steadier than req/s when other
    /// work shares the cores: it does not count the time the service waited for them.
    /// </summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    /// <summary>The highest resident set size seen so far (sampled every 50 ms, and the kernel's own high-water mark).</summary>
    public long PeakRssBytes => Math.Max(Interlocked.Read(ref _peakRssBytes), ReadStatusKilobytes("VmHWM") * 1024);

    public static async Task<ServiceProcess> StartAsync(string apiDll, int port, string connectionString, string provider)
    {
        // A service left over from an interrupted run would answer instead of the fresh one, on its old database.
        using (var probe = new System.Net.Sockets.TcpClient())
        {
            try
            {
                await probe.ConnectAsync("127.0.0.1", port);
                throw new InvalidOperationException($"port {port} is already in use; stop what listens there or pass --port");
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Free, as it should be.
            }
        }

        var info = new ProcessStartInfo("dotnet", [apiDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Admin__ApiKey"] = AdminKey;
        info.Environment["ConnectionStrings__Default"] = connectionString;
        info.Environment["Database__Provider"] = provider;
        info.Environment["Webhooks__AllowPrivateNetworks"] = "true";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // Generous limits: the benchmark measures the service, not its protection against a noisy tenant.
        info.Environment["Scim__RateLimit__TokenLimit"] = "1000000";
        info.Environment["Scim__RateLimit__TokensPerPeriod"] = "1000000";

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the service");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (!string.IsNullOrWhiteSpace(line.Data))
            {
                Console.Error.WriteLine($"[service] {line.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await service.WaitUntilReadyAsync();
        return service;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the service did not become ready within 60 s");
    }

    private async Task SampleRssAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var rss = ReadStatusKilobytes("VmRSS") * 1024;
            long seen;
            do
            {
                seen = Interlocked.Read(ref _peakRssBytes);
            }
            while (rss > seen && Interlocked.CompareExchange(ref _peakRssBytes, rss, seen) != seen);

            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private long ReadStatusKilobytes(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[1], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process has gone.
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _stop.Dispose();
    }
}
