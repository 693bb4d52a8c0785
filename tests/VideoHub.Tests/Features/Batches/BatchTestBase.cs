using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Batches;
using VideoHub.Features.Batches.Jobs;
using VideoHub.Tests.Features.Rendering.Infrastructure;

namespace VideoHub.Tests.Features.Batches;

/// <summary>The real app with its mounted local provider over HTTP; the test runs the render and batch sweeps.</summary>
public abstract class BatchTestBase : RenderingTestBase
{
    protected static BatchRowInput Row(int line, string id, string prompt, string? model = null, string? size = null, int? seconds = null) =>
        new(line, id, prompt) { Model = model, Size = size, Seconds = seconds };

    protected static IReadOnlyList<BatchRowInput> Rows(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => Row(i + 1, $"{prefix}-{i}", $"{prefix} take {i}")).ToList();

    protected Task<BatchResult<Guid>> CreateAsync(IReadOnlyList<BatchRowInput> rows, BatchMode mode = BatchMode.Direct,
        bool drop = false, Actor? by = null, string? reason = null) =>
        WithServiceAsync<BatchService, BatchResult<Guid>>(s => s.CreateAsync(by ?? Owner, ProjectId,
            new BatchDraft("Test batch", mode, BatchSource.File, rows) { AcknowledgementReason = reason }, drop));

    protected async Task<Guid> StartedAsync(IReadOnlyList<BatchRowInput> rows, BatchMode mode = BatchMode.Direct)
    {
        var created = await CreateAsync(rows, mode);
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    protected Task<T> BatchesAsync<T>(Func<BatchService, Task<T>> use) => WithServiceAsync(use);

    /// <summary>One round of every sweep including the batch sweep.</summary>
    protected async Task SweepAllOnceAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BatchSweeper>().RunOnceAsync();
        await SweepOnceAsync();
    }

    protected async Task<List<RenderRequest>> SweepBatchAsync(Guid batchId, Func<List<RenderRequest>, Batch, bool>? stopWhen = null)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            await SweepAllOnceAsync();
            var rows = await BatchRequestsAsync(batchId);
            var batch = await BatchAsync(batchId);
            if (stopWhen?.Invoke(rows, batch) ?? (batch.Status is not (BatchStatus.Running or BatchStatus.Paused)
                && rows.All(r => RenderStateMachine.IsTerminal(r.State)))) return rows;
            await Task.Delay(50, deadline.Token);
        }
    }

    protected Task<List<RenderRequest>> BatchRequestsAsync(Guid batchId) =>
        App.DbAsync(db => db.RenderRequests.AsNoTracking().Include(r => r.Events).Where(r => r.BatchId == batchId).ToListAsync());

    protected Task<Batch> BatchAsync(Guid batchId) => App.DbAsync(db => db.Batches.AsNoTracking().SingleAsync(b => b.Id == batchId));
}
