using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Rendering;
using VideoHub.Tests.Features.Rendering.Infrastructure;

namespace VideoHub.Tests.Features.Rendering;

/// <summary>The host stops mid-pipeline and a new one starts on the same data folder: the rows are the queue.</summary>
public sealed class RenderRestartTests : RenderingTestBase
{
    [Fact]
    public async Task HostStoppedMidPipeline_AndStartedAgain_CompletesEveryRequestExactlyOnce()
    {
        var prompts = Enumerable.Range(1, 4).Select(i => $"restart take {i}").ToArray();
        var ids = new List<Guid>();
        foreach (var p in prompts) ids.Add(await QueuedAsync(p));
        // One submission reaches the provider but its answer is lost just before the host goes down.
        App.Providers.Script.LoseCreateAnswers(1);

        // Run until the requests are spread over the pipeline: something in flight, nothing finished everywhere.
        await SweepUntilFinishedAsync(ids, stopWhen: rows =>
            rows.Any(r => r.State is RenderState.Rendering or RenderState.Downloading or RenderState.Ready)
            && rows.Any(r => !RenderStateMachine.IsTerminal(r.State)));
        var before = (await RowsAsync(ids)).Select(r => r.State).ToList();
        await App.DisposeAsync();

        App = new RenderingApp(DataPath).Start();
        var rows = await SweepUntilFinishedAsync(ids);

        Assert.Contains(before, s => !RenderStateMachine.IsTerminal(s));
        Assert.All(rows, r => Assert.Equal(RenderState.Ready, r.State));
        foreach (var p in prompts) Assert.Single(await ProviderJobsAsync(p));
        var takes = await App.DbAsync(db => db.Videos.AsNoTracking().Where(v => ids.Contains(v.RenderRequestId)).ToListAsync());
        Assert.Equal(ids.Order(), takes.Select(t => t.RenderRequestId).Order());
        Assert.All(takes, t => Assert.True(File.Exists(Path.Combine(MediaPath, t.VideoKey))));
        Assert.Empty(Directory.EnumerateFiles(MediaPath, "*.partial", SearchOption.AllDirectories));
    }
}

/// <summary>The provider is slower than the client's timeout: the POST times out for real over HTTP.</summary>
public sealed class RenderSubmitTimeoutTests : RenderingTestBase
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["ProviderHttp:ApiAttemptTimeout"] = "00:00:01",
        ["ProviderHttp:ApiTotalTimeout"] = "00:00:01.500",
    };

    [Fact]
    public async Task PostThatTimesOut_StaysSubmitting_ThenIsReconciled_AndTheProviderHasExactlyOneJob()
    {
        var id = await QueuedAsync("slow provider");
        App.Providers.FaultHeader = "slow=2500";
        await SweepOnceAsync();
        var afterTimeout = Assert.Single(await RowsAsync([id]));
        App.Providers.FaultHeader = null;

        var row = Assert.Single(await SweepUntilFinishedAsync([id]));

        Assert.Equal((RenderState.Submitting, 1), (afterTimeout.State, afterTimeout.Attempts));
        Assert.Equal(RenderState.Ready, row.State);
        Assert.Equal(afterTimeout.ClientToken, row.ClientToken);
        Assert.Equal(row.ProviderJobId, Assert.Single(await ProviderJobsAsync("slow provider")).Id);
    }

    [Fact]
    public async Task ProviderModeration_FailsTheRequest_AsRejectedByProvider_WithTheProvidersCodeAndMessage()
    {
        var id = await QueuedAsync("a scene with provider-block-test in it");

        var row = Assert.Single(await SweepUntilFinishedAsync([id]));

        Assert.Equal((RenderState.Failed, RenderFailureReason.RejectedByProvider, "moderation_blocked"),
            (row.State, row.FailureReason, row.ProviderErrorCode));
        Assert.Contains("moderation", row.ProviderMessage, StringComparison.OrdinalIgnoreCase);
    }
}
