using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Rendering;
using VideoHub.Tests.Features.Rendering.Infrastructure;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Features.Rendering;

/// <summary>
/// The real Quartz scheduler with the submit and download sweeps ticking only once an hour: a render still goes out
/// as soon as it is queued, the next one as soon as the provider's only slot frees, and each take downloads as soon
/// as it is finished, because those events nudge their sweep.
/// </summary>
public sealed class RenderNudgeTests : RenderingTestBase
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Rendering:SchedulerEnabled"] = "true",
        ["Rendering:SubmitInterval"] = "01:00:00",
        ["Rendering:DownloadInterval"] = "01:00:00",
        ["Rendering:PollInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task QueuedRequests_GoOutAtOnce_TheSecondWhenTheOnlySlotFrees_AndBothDownload()
    {
        await App.DbAsync(db => db.Providers.Where(p => p.Id == "local").ExecuteUpdateAsync(s => s.SetProperty(p => p.MaxConcurrentRenders, 1)));
        // The hourly triggers fired once at start-up; nothing but a nudge runs those sweeps again within the test.
        await Task.Delay(500);

        var first = await QueuedAsync("nudged first");
        var second = await QueuedAsync("nudged second");

        var rows = await Polling.UntilAsync(() => RowsAsync([first, second]), r => r.All(x => RenderStateMachine.IsTerminal(x.State)));
        Assert.All(rows, r => Assert.Equal(RenderState.Ready, r.State));
        var (a, b) = (rows.Single(r => r.Id == first), rows.Single(r => r.Id == second));
        // One slot: the second went out only after the provider finished the first.
        Assert.True(b.SubmittedAt >= a.CompletedAt, $"second submitted {b.SubmittedAt:O}, first completed {a.CompletedAt:O}");
        Assert.Single(await ProviderJobsAsync("nudged first"));
        Assert.Single(await ProviderJobsAsync("nudged second"));
    }
}
