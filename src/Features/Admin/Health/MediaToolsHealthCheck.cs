using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VideoHub.Features.Admin.Health;

/// <summary>ffmpeg and ffprobe are found and answer; their versions go into the report.</summary>
public sealed class MediaToolsHealthCheck(MediaToolProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var versions = await probe.GetAsync(ct);
        var data = versions.ToDictionary(v => v.Tool, v => (object)(v.Version ?? "unavailable"));
        var problems = versions.Where(v => !v.Ok).Select(v => v.Problem).ToList();
        return problems.Count == 0
            ? HealthCheckResult.Healthy("ffmpeg and ffprobe are installed and answer.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join(" ", problems), data: data);
    }
}
