using FFMpegCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Lineage;
using VideoHub.Features.Requests;
using VideoHub.Tests.Features.Rendering.Infrastructure;

namespace VideoHub.Tests.Features.Lineage;

/// <summary>Extensions through the real sweeps against the app's local provider over HTTP: natively, and stitched by VideoHub.</summary>
public sealed class StitchedExtensionTests : RenderingTestBase
{
    [Fact]
    public async Task Extend_OnAModelWithoutNativeExtension_RendersFromTheLastFrame_AndTheTakeIsTheStitchedWhole()
    {
        await App.DbAsync(async db =>
        {
            var profile = await db.ProviderModels.SingleAsync(m => m.ProviderId == "local" && m.Model == "sora-2");
            profile.Operations &= ~ProviderOperations.Extend;
            return await db.SaveChangesAsync();
        });
        var source = await ReadyTakeAsync("a red kite over the dunes");

        var outcome = await SubmitAsync(Extend(source.Id, "the kite dives towards the sea", 8));
        Assert.True(outcome.Succeeded, outcome.Error);
        var row = Assert.Single(await SweepUntilFinishedAsync([outcome.RequestId!.Value]));

        Assert.Equal(RenderState.Ready, row.State);
        Assert.True(row.StitchExtension);
        var job = Assert.Single(await ProviderJobsAsync("the kite dives towards the sea"));
        Assert.Equal(8, job.Seconds); // a create of the new segment only, not a native extension of the whole
        var take = await App.DbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.RenderRequestId == row.Id));
        Assert.Equal((source.Id, RenderOperation.Extend, source.StackId, 1280, 720), (take.ParentVideoId, take.Operation, take.StackId, take.Width, take.Height));
        var file = Path.Combine(MediaPath, take.VideoKey);
        var probed = await FFProbe.AnalyseAsync(file);
        Assert.InRange(probed.Duration.TotalSeconds, source.DurationSeconds + 8 - 0.1, source.DurationSeconds + 8 + 0.1);
        Assert.InRange(take.DurationSeconds, 11.9, 12.1);
        Assert.Equal(new FileInfo(file).Length, take.Bytes);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, "continuation.mp4")));
        Assert.Empty(Directory.EnumerateFiles(MediaPath, "*last-frame*", SearchOption.AllDirectories));

        var tree = await App.Services.GetRequiredService<LineageService>().GetAsync(Owner, ProjectId, take.Id);
        Assert.Equal((1, 2), (tree!.ExtensionCount, tree.Nodes.Count));
    }

    [Fact]
    public async Task Extend_Natively_Twice_MakesAChainOfTwoExtensions_EachTheWhole()
    {
        var source = await ReadyTakeAsync("a train leaves the station");

        var first = await ExtendToReadyAsync(source.Id, "the train crosses a bridge", 4);
        var second = await ExtendToReadyAsync(first.Id, "the train enters a tunnel", 4);

        Assert.InRange(second.DurationSeconds, 11.5, 12.5);
        var tree = await App.Services.GetRequiredService<LineageService>().GetAsync(Owner, ProjectId, second.Id);
        Assert.Equal((2, 3), (tree!.ExtensionCount, tree.Nodes.Count));
        Assert.Equal([source.Id], tree.Roots.Select(r => r.Id));
    }

    private async Task<Video> ExtendToReadyAsync(Guid parent, string prompt, int seconds)
    {
        var outcome = await SubmitAsync(Extend(parent, prompt, seconds));
        Assert.True(outcome.Succeeded, outcome.Error);
        var row = Assert.Single(await SweepUntilFinishedAsync([outcome.RequestId!.Value]));
        Assert.Equal(RenderState.Ready, row.State);
        Assert.False(row.StitchExtension);
        return await App.DbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.RenderRequestId == row.Id));
    }

    private async Task<Video> ReadyTakeAsync(string prompt)
    {
        var id = await QueuedAsync(prompt);
        var row = Assert.Single(await SweepUntilFinishedAsync([id]));
        Assert.Equal(RenderState.Ready, row.State);
        return await App.DbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.RenderRequestId == id));
    }

    private static RequestFormInput Extend(Guid parent, string prompt, int seconds) => new()
    {
        Operation = RenderOperation.Extend, ParentVideoId = parent, Prompt = prompt, ProviderId = "local", Model = "sora-2",
        Size = "1280x720", Seconds = seconds,
    };

    private Task<SubmitOutcome> SubmitAsync(RequestFormInput input) =>
        WithServiceAsync<RequestFormService, SubmitOutcome>(s => s.SubmitAsync(Owner, ProjectId, input));
}
