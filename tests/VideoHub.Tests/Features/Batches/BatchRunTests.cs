using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Batches;
using VideoHub.Tests.Features.Rendering.Infrastructure;

namespace VideoHub.Tests.Features.Batches;

/// <summary>Direct batches through the real pipeline and local provider over HTTP: fairness, pause, cancel, retry, restart.</summary>
public sealed class BatchRunTests : BatchTestBase
{
    [Fact]
    public async Task InteractiveRequest_QueuedBehindALargeBatch_IsSentWithinOneTurn()
    {
        var batchId = await StartedAsync(Rows("fair", 12));
        // The batch gets the provider's only slot first...
        await SweepBatchAsync(batchId, (rows, _) => rows.Any(r => r.SubmittedAt is not null));
        // ...then a user asks for one render while 11 batch rows still wait.
        var interactive = await QueuedAsync("one user's render");

        await SweepUntilFinishedAsync([interactive]);

        var rows = await BatchRequestsAsync(batchId);
        var sentAt = (await RowsAsync([interactive])).Single().SubmittedAt!.Value;
        var batchRowsSentBefore = rows.Count(r => r.SubmittedAt is { } at && at < sentAt);
        Assert.InRange(batchRowsSentBefore, 1, 2);
        Assert.Contains(rows, r => r.State == RenderState.Queued);
    }

    [Fact]
    public async Task PausedBatch_SendsNothingMore_UntilResumed_ThenEveryRowIsRenderedOnce()
    {
        var batchId = await StartedAsync(Rows("pause", 4));
        await SweepBatchAsync(batchId, (rows, _) => rows.Any(r => r.SubmittedAt is not null));
        Assert.True((await BatchesAsync(s => s.PauseAsync(Owner, batchId))).Succeeded);

        var whilePaused = await SweepBatchAsync(batchId, (rows, _) => rows.All(r => r.State is RenderState.Queued || RenderStateMachine.IsTerminal(r.State)));
        await SweepAllOnceAsync();
        var stillQueued = (await BatchRequestsAsync(batchId)).Count(r => r.State == RenderState.Queued);
        Assert.True((await BatchesAsync(s => s.ResumeAsync(Owner, batchId))).Succeeded);
        var rows = await SweepBatchAsync(batchId);

        Assert.Equal(whilePaused.Count(r => r.State == RenderState.Queued), stillQueued);
        Assert.True(stillQueued >= 2, $"{stillQueued} rows waited while paused");
        Assert.All(rows, r => Assert.Equal(RenderState.Ready, r.State));
        Assert.Equal(BatchStatus.Completed, (await BatchAsync(batchId)).Status);
        for (var i = 1; i <= 4; i++) Assert.Single(await ProviderJobsAsync($"pause take {i}"));
    }

    [Fact]
    public async Task CancelMidBatch_CancelsUnsentRows_LetsSentRowsFinish_AndSendsNothingMore()
    {
        var batchId = await StartedAsync(Rows("cancel", 6));
        await SweepBatchAsync(batchId, (rows, _) => rows.Any(r => r.SubmittedAt is not null));

        var cancelled = await BatchesAsync(s => s.CancelAsync(Owner, batchId));
        var rows = await SweepBatchAsync(batchId);

        Assert.True(cancelled.Succeeded, cancelled.Message);
        Assert.Equal(BatchStatus.Cancelled, (await BatchAsync(batchId)).Status);
        var sent = rows.Where(r => r.SubmittedAt is not null).ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, r => Assert.Equal(RenderState.Ready, r.State));
        Assert.All(rows.Except(sent), r => Assert.Equal((RenderState.Cancelled, RenderFailureReason.Cancelled), (r.State, r.FailureReason!.Value)));
        foreach (var r in rows) Assert.Equal(r.SubmittedAt is null ? 0 : 1, (await ProviderJobsAsync(r.Prompt)).Count);
        Assert.Equal(BatchOutcome.Conflict, (await BatchesAsync(s => s.ResumeAsync(Owner, batchId))).Outcome);
    }

    [Fact]
    public async Task RetryFailed_MakesANewAttemptOfEachFailedRow_AndTheRowPointsAtIt()
    {
        var batchId = await StartedAsync(Rows("retry", 2));
        var first = (await BatchRequestsAsync(batchId)).OrderBy(r => r.CreatedAt).First();
        await App.DbAsync(async db =>
        {
            var row = await db.RenderRequests.SingleAsync(r => r.Id == first.Id);
            RenderStateMachine.Move(row, RenderState.Submitting, DateTime.UtcNow, "test");
            row.Fail(RenderFailureReason.ProviderFailed, "The provider fell over.", DateTime.UtcNow, "test");
            return await db.SaveChangesAsync();
        });

        var retried = await BatchesAsync(s => s.RetryFailedAsync(Owner, batchId));
        var rows = await SweepBatchAsync(batchId);

        Assert.Equal(1, retried.Value);
        var view = await BatchesAsync(s => s.RowsAsync(Owner, ProjectId, batchId));
        Assert.Equal([("retry-1", 2), ("retry-2", 1)], view!.Select(r => (r.CustomId, r.Attempt)));
        Assert.All(view!, r => Assert.Equal(RenderState.Ready, r.State));
        Assert.Contains(rows, r => r.BatchCustomId == "retry-1~2" && r.State == RenderState.Ready);
        Assert.Equal(RenderState.Failed, rows.Single(r => r.Id == first.Id).State);
        Assert.Equal(BatchStatus.Completed, (await BatchAsync(batchId)).Status);
    }

    [Fact]
    public async Task HostStoppedMidBatch_AndStartedAgain_FinishesEveryRowExactlyOnce()
    {
        var batchId = await StartedAsync(Rows("restart", 5));
        App.Providers.Script.LoseCreateAnswers(1);
        await SweepBatchAsync(batchId, (rows, _) => rows.Any(r => r.State is RenderState.Rendering or RenderState.Downloading or RenderState.Ready)
            && rows.Count(r => r.State == RenderState.Queued) >= 2);
        await App.DisposeAsync();

        App = new RenderingApp(DataPath).Start();
        var rows = await SweepBatchAsync(batchId);

        Assert.All(rows, r => Assert.Equal(RenderState.Ready, r.State));
        for (var i = 1; i <= 5; i++) Assert.Single(await ProviderJobsAsync($"restart take {i}"));
        Assert.Equal(5, await App.DbAsync(db => db.Videos.CountAsync(v => rows.Select(r => r.Id).Contains(v.RenderRequestId))));
        Assert.Equal(BatchStatus.Completed, (await BatchAsync(batchId)).Status);
    }
}
