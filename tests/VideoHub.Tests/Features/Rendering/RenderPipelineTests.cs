using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Rendering;
using VideoHub.Tests.Features.Rendering.Infrastructure;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Features.Rendering;

/// <summary>The real sweeps against the app's own local provider over HTTP, with faults injected.</summary>
public sealed class RenderPipelineTests : RenderingTestBase
{
    [Fact]
    public async Task QueuedRequest_GoesThroughEveryState_ToAVerifiedTake_WithOneProviderJob()
    {
        var notifier = App.Services.GetRequiredService<IRenderNotifier>();
        var updates = new List<RenderUpdate>();
        var id = await QueuedAsync("a lighthouse at dawn");
        using var _ = notifier.SubscribeToRequest(id, u => { lock (updates) updates.Add(u); return Task.CompletedTask; });

        var row = Assert.Single(await SweepUntilFinishedAsync([id]));

        Assert.Equal(RenderState.Ready, row.State);
        Assert.Equal(
            [RenderState.Queued, RenderState.Submitting, RenderState.Rendering, RenderState.Downloading, RenderState.Ready],
            row.Events.OrderBy(e => e.Id).Select(e => e.To));
        Assert.Equal(0.4m, row.ActualCostUsd);
        Assert.NotNull(row.ClientToken);
        Assert.Single(await ProviderJobsAsync("a lighthouse at dawn"));

        var video = await App.DbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.RenderRequestId == id));
        Assert.Equal((row.VideoId, ProjectId, row.ProviderJobId, 1280, 720), (video.Id, video.ProjectId, video.ProviderJobId, video.Width, video.Height));
        Assert.InRange(video.DurationSeconds, 3.5, 4.5);
        var file = Path.Combine(MediaPath, video.VideoKey);
        Assert.Equal(new FileInfo(file).Length, video.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))), video.Sha256);
        Assert.True(new FileInfo(Path.Combine(MediaPath, video.ThumbnailKey)).Length > 0);
        Assert.True(new FileInfo(Path.Combine(MediaPath, video.SpritesheetKey)).Length > 0);
        Assert.DoesNotContain(video.VideoKey, "lighthouse", StringComparison.Ordinal);

        await Polling.UntilAsync(() => Task.FromResult(updates.Count), _ => { lock (updates) return updates.Any(u => u.State == RenderState.Ready); });
        lock (updates) Assert.Contains(updates, u => u.State == RenderState.Rendering);
    }

    [Fact]
    public async Task LostCreateAnswers_AreReconciledWithTheSameIdempotencyKey_SoTheProviderHasExactlyOneJob()
    {
        App.Providers.Script.LoseCreateAnswers(2);
        var id = await QueuedAsync("the answer got lost");

        var row = Assert.Single(await SweepUntilFinishedAsync([id]));

        Assert.Equal(RenderState.Ready, row.State);
        Assert.Equal(3, App.Providers.Script.CreatesSent);
        var job = Assert.Single(await ProviderJobsAsync("the answer got lost"));
        Assert.Equal(job.Id, row.ProviderJobId);
        Assert.Single(row.Events, e => e.To == RenderState.Submitting);
    }

    [Fact]
    public async Task RateLimitBurstsAndServerErrors_AreWaitedOut_AndEveryRequestCompletesExactlyOnce()
    {
        App.Providers.FaultHeader = $"rate-limit=4,server-error=8,retry-after=0,key={Guid.NewGuid():N}";
        var prompts = new[] { "burst one", "burst two", "burst three" };
        var ids = new List<Guid>();
        foreach (var p in prompts) ids.Add(await QueuedAsync(p));

        var rows = await SweepUntilFinishedAsync(ids);

        Assert.All(rows, r => Assert.Equal(RenderState.Ready, r.State));
        foreach (var p in prompts) Assert.Single(await ProviderJobsAsync(p));
        Assert.Equal(3, await App.DbAsync(db => db.Videos.CountAsync(v => v.ProjectId == ProjectId)));
    }

    [Fact]
    public async Task CutOffDownloads_AreRetried_AndNoPartialFileIsEverVisible()
    {
        App.Providers.Script.TruncateVideoDownloads(2);
        var id = await QueuedAsync("cut me off");
        var seen = new List<(string Path, long Length)>();

        var row = Assert.Single(await SweepUntilFinishedAsync([id], between: () => seen.AddRange(VisibleVideos())));

        Assert.Equal(RenderState.Ready, row.State);
        var video = await App.DbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.RenderRequestId == id));
        Assert.All(seen, s => Assert.Equal(video.Bytes, s.Length));
        Assert.Empty(Directory.EnumerateFiles(MediaPath, "*.partial", SearchOption.AllDirectories));
        Assert.Single(await ProviderJobsAsync("cut me off"));
    }

    [Fact]
    public async Task ProviderSideFailure_EndsFailed_WithTheReasonAndTheProvidersMessage()
    {
        App.Providers.FaultHeader = "fail";
        var id = await QueuedAsync("this one fails at the provider");

        var row = Assert.Single(await SweepUntilFinishedAsync([id]));

        Assert.Equal((RenderState.Failed, RenderFailureReason.ProviderFailed), (row.State, row.FailureReason));
        Assert.False(string.IsNullOrWhiteSpace(row.ProviderMessage));
        Assert.Null(row.ActualCostUsd);
    }

    private IEnumerable<(string, long)> VisibleVideos() =>
        Directory.Exists(MediaPath)
            ? Directory.EnumerateFiles(MediaPath, "video.mp4", SearchOption.AllDirectories).Select(f => (f, new FileInfo(f).Length))
            : [];
}
