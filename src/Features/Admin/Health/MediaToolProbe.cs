using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FFMpegCore;

namespace VideoHub.Features.Admin.Health;

/// <summary>What running "TOOL -version" found: the version, or a sentence saying what is wrong.</summary>
public sealed record MediaToolVersion(string Tool, string? Version, string? Problem)
{
    public bool Ok => Problem is null;
}

/// <summary>
/// Finds the versions of ffmpeg and ffprobe (the binaries FFMpegCore uses) and remembers them for a while, so the
/// health endpoint stays cheap however often it is polled.
/// </summary>
public sealed class MediaToolProbe(TimeProvider clock, ILogger<MediaToolProbe> log)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    /// <summary>A missing tool is looked for again soon, so installing it shows up without a restart.</summary>
    public static readonly TimeSpan RetryFailuresAfter = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyList<MediaToolVersion>? cached;
    private DateTimeOffset cachedUntil;

    public async Task<IReadOnlyList<MediaToolVersion>> GetAsync(CancellationToken ct = default)
    {
        if (cached is { } hit && clock.GetUtcNow() < cachedUntil) return hit;
        await gate.WaitAsync(ct);
        try
        {
            if (cached is { } raced && clock.GetUtcNow() < cachedUntil) return raced;
            var options = GlobalFFOptions.Current;
            MediaToolVersion[] versions =
            [
                await ProbeAsync("ffmpeg", GlobalFFOptions.GetFFMpegBinaryPath(options), Timeout, ct),
                await ProbeAsync("ffprobe", GlobalFFOptions.GetFFProbeBinaryPath(options), Timeout, ct),
            ];
            foreach (var problem in versions.Where(v => !v.Ok)) log.LogWarning("Media tool check: {Problem}", problem.Problem);
            cached = versions;
            cachedUntil = clock.GetUtcNow() + (versions.All(v => v.Ok) ? CacheFor : RetryFailuresAfter);
            return versions;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Makes the next call run the tools again (the System page's "Run checks again").</summary>
    public void Forget() => cachedUntil = DateTimeOffset.MinValue;

    public static async Task<MediaToolVersion> ProbeAsync(string tool, string executable, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, CreateNoWindow = true,
        };
        start.ArgumentList.Add("-version");
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return new(tool, null, $"{tool} was not found. Install Debian's ffmpeg package.");
        }
        if (process is null) return new(tool, null, $"{tool} could not be started.");

        using (process)
        using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            cts.CancelAfter(timeout);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(cts.Token);
                var errors = process.StandardError.ReadToEndAsync(cts.Token);
                await process.WaitForExitAsync(cts.Token);
                var text = await output;
                await errors;
                if (process.ExitCode != 0) return new(tool, null, $"{tool} -version failed with exit code {process.ExitCode}.");
                var match = Regex.Match(text, $@"^{Regex.Escape(tool)} version (\S+)", RegexOptions.Multiline);
                return match.Success
                    ? new(tool, match.Groups[1].Value, null)
                    : new(tool, null, $"{tool} answered, but its version could not be read.");
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return new(tool, null, string.Create(CultureInfo.InvariantCulture, $"{tool} did not answer within {timeout.TotalSeconds:0.#} s."));
            }
            finally
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
        }
    }
}
