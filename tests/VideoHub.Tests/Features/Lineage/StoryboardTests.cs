using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Lineage;
using VideoHub.Features.Lineage.Storyboards;
using VideoHub.Tests.Features.Rendering.Infrastructure;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Features.Lineage;

/// <summary>Storyboards through the real services and sweeps against the app's local provider.</summary>
public sealed class StoryboardTests : RenderingTestBase
{
    [Fact]
    public async Task Render_MakesABatchWithOneRequestPerShot_ContinuingShotWaitsForThePreviousTake_AndApprovedTakesAreJoined()
    {
        var board = await BoardAsync("Opening", ("a door opens", 4, false), ("a hallway with lamps", 4, false), ("the lamps flicker", 4, true));

        var rendered = await WithServiceAsync<StoryboardRenderer, StoryboardResult>(r => r.RenderAsync(Owner, ProjectId, board));
        Assert.True(rendered.Succeeded, rendered.Error);

        var batch = await App.DbAsync(db => db.Batches.AsNoTracking().SingleAsync(b => b.Id == rendered.Id));
        Assert.Equal((BatchSource.Storyboard, BatchMode.Direct, "Opening"), (batch.Source, batch.Mode, batch.Name));
        var requests = await App.DbAsync(db => db.RenderRequests.AsNoTracking().Where(r => r.BatchId == batch.Id).OrderBy(r => r.BatchCustomId).ToListAsync());
        Assert.Equal(["shot-1", "shot-2", "shot-3"], requests.Select(r => r.BatchCustomId));
        Assert.Equal([RenderState.Queued, RenderState.Queued, RenderState.Draft], requests.Select(r => r.State));

        var ids = requests.Select(r => r.Id).ToList();
        var rows = await SweepUntilFinishedAsync(ids, between: () => SweepStoryboards().GetAwaiter().GetResult());
        Assert.All(rows, r => Assert.Equal(RenderState.Ready, r.State));
        var third = rows.Single(r => r.BatchCustomId == "shot-3");
        Assert.NotNull(third.ImageReferenceKey);
        Assert.Contains(third.Events, e => e.From == RenderState.Draft && e.To == RenderState.Queued);
        Assert.Null(await App.DbAsync(db => db.Storyboards.Where(s => s.Id == board).Select(s => s.SequenceVideoId).SingleAsync()));

        await SweepStoryboards();
        Assert.Null(await App.DbAsync(db => db.Storyboards.Where(s => s.Id == board).Select(s => s.SequenceVideoId).SingleAsync()));
        await App.DbAsync(db => db.Videos.Where(v => ids.Contains(v.RenderRequestId))
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.ReviewState, ReviewState.Approved)));
        await SweepStoryboards();
        await SweepStoryboards();

        var sequenceId = await App.DbAsync(db => db.Storyboards.Where(s => s.Id == board).Select(s => s.SequenceVideoId).SingleAsync());
        var sequence = await App.DbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.Id == sequenceId));
        var takes = await App.DbAsync(db => db.Videos.AsNoTracking().Where(v => ids.Contains(v.RenderRequestId)).ToListAsync());
        Assert.Equal(RenderOperation.Sequence, sequence.Operation);
        var probed = await MediaFiles.SecondsAsync(Path.Combine(MediaPath, sequence.VideoKey));
        Assert.InRange(probed, takes.Sum(t => t.DurationSeconds) - 0.1, takes.Sum(t => t.DurationSeconds) + 0.1);
        Assert.True(File.Exists(Path.Combine(MediaPath, sequence.ThumbnailKey)));
        var request = await App.DbAsync(db => db.RenderRequests.AsNoTracking().SingleAsync(r => r.Id == sequence.RenderRequestId));
        Assert.Equal((RenderOperation.Sequence, RenderState.Ready, sequence.Id), (request.Operation, request.State, request.VideoId));
        Assert.Equal(1, await App.DbAsync(db => db.Videos.CountAsync(v => v.Operation == RenderOperation.Sequence)));

        var tree = await App.Services.GetRequiredService<LineageService>().GetAsync(Owner, ProjectId, sequence.Id);
        var order = requests.Select(r => takes.Single(t => t.RenderRequestId == r.Id).Id).ToList();
        Assert.Equal(order, tree!.Current.SourceIds);
    }

    [Fact]
    public async Task Render_WithABlockedShot_CreatesNothing_AndNamesTheShot()
    {
        var board = await BoardAsync("Blocked", ("a quiet lake", 4, false));
        var image = await File.ReadAllBytesAsync(await MediaFiles.ImageAsync(640, 480));
        var added = await WithServiceAsync<StoryboardService, StoryboardResult>(s => s.SaveShotAsync(Owner, ProjectId, board, null,
            new ShotInput { Prompt = "the wrong size", Seconds = 4, ImageBytes = image, ImageContentType = "image/png" }));
        Assert.True(added.Succeeded, added.Error);

        var rendered = await WithServiceAsync<StoryboardRenderer, StoryboardResult>(r => r.RenderAsync(Owner, ProjectId, board));

        Assert.False(rendered.Succeeded);
        Assert.StartsWith("Shot 2:", rendered.Error);
        Assert.Equal(0, await App.DbAsync(db => db.Batches.CountAsync()));
        Assert.Equal(0, await App.DbAsync(db => db.RenderRequests.CountAsync()));
    }

    [Fact]
    public async Task Shots_CanBeReordered_AndRemoved_AndTheFirstShotNeverContinues()
    {
        var board = await BoardAsync("Order", ("one", 4, false), ("two", 4, true), ("three", 8, false));
        var view = await ViewAsync(board);

        Assert.True((await WithServiceAsync<StoryboardService, StoryboardResult>(s => s.MoveShotAsync(Owner, ProjectId, board, view.Shots[2].Id, -1))).Succeeded);
        Assert.Equal(["one", "three", "two"], (await ViewAsync(board)).Shots.Select(s => s.Prompt));
        Assert.True((await WithServiceAsync<StoryboardService, StoryboardResult>(s => s.RemoveShotAsync(Owner, ProjectId, board, view.Shots[0].Id))).Succeeded);

        var after = await ViewAsync(board);
        Assert.Equal(["three", "two"], after.Shots.Select(s => s.Prompt));
        Assert.Equal([1, 2], after.Shots.Select(s => s.Position));
        Assert.False(after.Shots[0].ContinueFromPrevious);
        var first = await WithServiceAsync<StoryboardService, StoryboardResult>(s => s.SaveShotAsync(Owner, ProjectId, board, after.Shots[0].Id,
            new ShotInput { Prompt = "three", Seconds = 8, ContinueFromPrevious = true }));
        Assert.Equal("The first shot has no previous shot to continue.", first.Error);
    }

    private async Task<Guid> BoardAsync(string name, params (string Prompt, int Seconds, bool Continue)[] shots)
    {
        var created = await WithServiceAsync<StoryboardService, StoryboardResult>(s => s.CreateAsync(Owner, ProjectId, name));
        Assert.True(created.Succeeded, created.Error);
        foreach (var (prompt, seconds, cont) in shots)
        {
            var added = await WithServiceAsync<StoryboardService, StoryboardResult>(s => s.SaveShotAsync(Owner, ProjectId, created.Id!.Value, null,
                new ShotInput { Prompt = prompt, Seconds = seconds, ContinueFromPrevious = cont }));
            Assert.True(added.Succeeded, added.Error);
        }
        return created.Id!.Value;
    }

    private Task<StoryboardView> ViewAsync(Guid board) =>
        WithServiceAsync<StoryboardService, StoryboardView>(async s => (await s.GetAsync(Owner, ProjectId, board))!);

    private Task<int> SweepStoryboards() => WithServiceAsync<StoryboardSweep, int>(s => s.RunOnceAsync());
}
