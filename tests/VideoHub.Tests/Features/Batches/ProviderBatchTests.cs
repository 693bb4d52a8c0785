using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Batches.Export;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Batches;

/// <summary>
/// Provider batch mode against the mounted local provider over real HTTP: JSONL upload, batch create, poll, output
/// mapped back by custom id, every take downloaded; and the batch's zip and CSV report through the real endpoints.
/// </summary>
public sealed class ProviderBatchTests : BatchTestBase
{
    [Fact]
    public async Task ProviderBatch_UploadsCreatesPollsAndMapsBack_ThenDownloadsEveryTake_AtTheBatchPrice()
    {
        var batchId = await StartedAsync(Rows("pb", 3), BatchMode.Provider);

        var rows = await SweepBatchAsync(batchId);

        var batch = await BatchAsync(batchId);
        Assert.Equal(BatchStatus.Completed, batch.Status);
        Assert.StartsWith("batch_", batch.ProviderBatchId);
        Assert.NotNull(batch.ProviderInputFileId);
        Assert.NotNull(batch.ProviderMappedAt);
        Assert.Equal("completed", batch.ProviderStatus);
        Assert.All(rows, r => Assert.Equal(RenderState.Ready, r.State));
        Assert.All(rows, r => Assert.Equal(4 * 0.05m, r.EstimatedCostUsd));
        Assert.All(rows, r => Assert.Contains(r.Events, e => e.Message?.Contains(batch.ProviderBatchId!) == true));
        for (var i = 1; i <= 3; i++)
        {
            var job = Assert.Single(await ProviderJobsAsync($"pb take {i}"));
            Assert.Equal(job.Id, rows.Single(r => r.BatchCustomId == $"pb-{i}").ProviderJobId);
        }
        var takes = await App.DbAsync(db => db.Videos.AsNoTracking().Where(v => v.ProjectId == ProjectId).ToListAsync());
        Assert.Equal(3, takes.Count);
        Assert.All(takes, t => Assert.True(File.Exists(Path.Combine(MediaPath, t.VideoKey))));
    }

    [Fact]
    public async Task ProviderBatch_CancelledWhileAtTheProvider_EndsCancelled_AndNothingIsLeftQueued()
    {
        var batchId = await StartedAsync(Rows("pbc", 4), BatchMode.Provider);
        await SweepBatchAsync(batchId, (_, b) => b.ProviderBatchId is not null);

        Assert.True((await BatchesAsync(s => s.CancelAsync(Owner, batchId))).Succeeded);
        var rows = await SweepBatchAsync(batchId, (rows, b) => b.ProviderMappedAt is not null && rows.All(r => RenderStateMachine.IsTerminal(r.State)));

        Assert.Equal(BatchStatus.Cancelled, (await BatchAsync(batchId)).Status);
        Assert.All(rows, r => Assert.Contains(r.State, new[] { RenderState.Cancelled, RenderState.Ready }));
        Assert.Contains(rows, r => r.State == RenderState.Cancelled);
    }
}
