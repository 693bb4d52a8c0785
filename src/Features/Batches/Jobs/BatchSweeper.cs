using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoHub.Data;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Rendering;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Providers;

namespace VideoHub.Features.Batches.Jobs;

/// <summary>
/// The batch sweep: moves provider batches along (upload the JSONL, create the batch, poll it, map its output back
/// onto the rows and hand them to the download sweep), and marks batches whose rows have all finished as completed.
/// Every step is saved before the next one; uploads and creates carry idempotency keys made from the batch id, so a
/// restart between a call and its save repeats the call without a second batch.
/// </summary>
public sealed class BatchSweeper(IDbContextFactory<VideoHubDbContext> dbFactory, IRenderProviders providers, SweepSupport sweep,
    IBatchNotifier batchNotifier, IOptionsMonitor<RenderingOptions> options, ILogger<BatchSweeper> log)
{
    public const string By = "job:batch";
    private const int MaxProviderAttempts = 8;

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = sweep.Now;
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Batches.AsNoTracking()
                .Where(b => b.Mode == BatchMode.Provider && b.ProviderMappedAt == null
                    && (b.Status == BatchStatus.Running || (b.Status == BatchStatus.Cancelled && b.ProviderBatchId != null))
                    && (b.NextPollAt == null || b.NextPollAt <= now))
                .OrderBy(b => b.NextPollAt).Take(options.CurrentValue.BatchSize).Select(b => b.Id).ToListAsync(ct);
        }
        var acted = 0;
        foreach (var id in due)
            if (await StepAsync(id, ct)) acted++;
        return acted + await FinishAsync(ct);
    }

    private async Task<bool> StepAsync(Guid batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.FirstAsync(b => b.Id == batchId, ct);
        var provider = batch.ProviderId is { } pid ? await providers.GetAsync(pid, ct) : null;
        if (provider is null) return await RetryAsync(db, batch, new ProviderError(ProviderErrorKind.Unreachable, "The provider is not enabled."), ct);

        if (batch.ProviderInputFileId is null)
        {
            var rows = await db.RenderRequests.AsNoTracking().Where(r => r.BatchId == batchId && r.State == RenderState.Queued)
                .OrderBy(r => r.CreatedAt).ToListAsync(ct);
            var characters = await db.RenderRequestCatalogItems.AsNoTracking()
                .Where(c => c.ProviderCharacterId != null && db.RenderRequests.Any(r => r.Id == c.RenderRequestId && r.BatchId == batchId))
                .GroupBy(c => c.RenderRequestId).ToDictionaryAsync(g => g.Key, g => g.Select(c => c.ProviderCharacterId!).ToList(), ct);
            using var content = new MemoryStream(ProviderBatchFiles.WriteInput(rows, characters));
            var upload = await provider.UploadBatchFileAsync(new UploadFile(content, $"videohub-{batchId:N}.jsonl", "application/jsonl"),
                $"vhb-{batchId:N}-input", ct);
            if (!upload.IsSuccess) return await RetryAsync(db, batch, upload.Error, ct);
            batch.ProviderInputFileId = upload.Value.Id;
            batch.ProviderAttempts = 0;
            return await SaveAsync(db, batch, sweep.Now, ct);
        }
        if (batch.ProviderBatchId is null)
        {
            var created = await provider.CreateBatchAsync(new BatchCreateRequest(batch.ProviderInputFileId)
            {
                IdempotencyKey = $"vhb-{batchId:N}-batch",
                Metadata = new Dictionary<string, string> { ["videohub_batch"] = batchId.ToString() },
            }, ct);
            if (!created.IsSuccess) return await RetryAsync(db, batch, created.Error, ct);
            batch.ProviderBatchId = created.Value.Id;
            batch.SubmittedAt ??= sweep.Now;
            Apply(batch, created.Value);
            return await SaveAsync(db, batch, sweep.Now + options.CurrentValue.BatchPollMinInterval, ct);
        }

        var polled = await provider.GetBatchAsync(batch.ProviderBatchId, ct);
        if (!polled.IsSuccess) return await RetryAsync(db, batch, polled.Error, ct);
        var remote = polled.Value;
        if (batch.Status == BatchStatus.Cancelled && !remote.IsTerminal && remote.Status != ProviderBatchStatus.Cancelling)
        {
            var cancelled = await provider.CancelBatchAsync(batch.ProviderBatchId, ct);
            if (cancelled.IsSuccess) remote = cancelled.Value;
        }
        Apply(batch, remote);
        if (!remote.IsTerminal)
        {
            batch.ProviderAttempts = 0;
            var polls = Math.Min(batch.ProviderCompleted + batch.ProviderFailed, 30);
            var settings = options.CurrentValue;
            return await SaveAsync(db, batch, sweep.Now + SweepSupport.Backoff(settings.BatchPollMinInterval, polls / 5,
                settings.BatchPollMaxInterval), ct);
        }
        return await MapBackAsync(db, provider, batch, remote, ct);
    }

    /// <summary>
    /// Maps the output onto the rows by custom id in one unit of work: rendered rows go to Downloading (the download
    /// sweep fetches them at once, inside the provider's window), unfinished ones to Rendering (the poll sweep follows
    /// them), refused or missing ones fail with the provider's reason.
    /// </summary>
    private async Task<bool> MapBackAsync(VideoHubDbContext db, IVideoProvider provider, Batch batch, ProviderBatch remote, CancellationToken ct)
    {
        var outcomes = new Dictionary<string, ProviderBatchFiles.Outcome>();
        if (remote.OutputFileId is { } fileId)
        {
            var path = Path.GetTempFileName();
            try
            {
                await using (var file = File.Create(path))
                {
                    var download = await provider.DownloadFileContentAsync(fileId, file, ct);
                    if (!download.IsSuccess) return await RetryAsync(db, batch, download.Error, ct);
                }
                await using var read = File.OpenRead(path);
                outcomes = await ProviderBatchFiles.ReadOutputAsync(read, ct);
            }
            finally { File.Delete(path); }
        }
        var now = sweep.Now;
        var settings = options.CurrentValue;
        var rows = await db.RenderRequests.Where(r => r.BatchId == batch.Id && r.State == RenderState.Queued).ToListAsync(ct);
        foreach (var row in rows)
        {
            var outcome = row.BatchCustomId is { } id ? outcomes.GetValueOrDefault(id) : null;
            if (outcome is null)
            {
                if (batch.Status == BatchStatus.Cancelled)
                {
                    RenderStateMachine.Move(row, RenderState.Cancelled, now, By, "The batch was cancelled before this row started.");
                    row.FailureReason = RenderFailureReason.Cancelled;
                }
                else
                {
                    row.Fail(remote.Status == ProviderBatchStatus.Expired ? RenderFailureReason.Expired : RenderFailureReason.ProviderFailed,
                        $"The provider batch ended ({remote.RawStatus}) without a result for this row.", now, By);
                }
                continue;
            }
            RenderStateMachine.Move(row, RenderState.Submitting, now, By, $"Provider batch {batch.ProviderBatchId}.");
            row.ClientToken = $"vhb-{batch.Id:N}-batch";
            row.SubmittedAt = batch.SubmittedAt ?? now;
            if (outcome.Video is not { } video)
            {
                row.Fail(outcome.PolicyRejection ? RenderFailureReason.BlockedByPolicy : RenderFailureReason.RejectedByProvider, outcome.Error, now, By);
                continue;
            }
            RenderStateMachine.Move(row, RenderState.Rendering, now, By, $"Provider job {video.Id}.");
            row.ProviderJobId = video.Id;
            row.PollDeadline = now + settings.RenderTimeout;
            switch (video.Status)
            {
                case ProviderVideoStatus.Completed:
                    RenderStateMachine.Move(row, RenderState.Downloading, now, By);
                    (row.Progress, row.CompletedAt, row.VideoId, row.NextAttemptAt) = (100, now, row.VideoId ?? Guid.CreateVersion7(), now);
                    break;
                case ProviderVideoStatus.Failed:
                    row.Fail(video.Error?.IsPolicyRejection == true ? RenderFailureReason.BlockedByPolicy : RenderFailureReason.ProviderFailed,
                        video.Error?.Message ?? "The provider could not render this video.", now, By);
                    break;
                default:
                    (row.Progress, row.NextAttemptAt) = (Math.Clamp(video.Progress, 0, 99), now);
                    break;
            }
            row.Version = Guid.NewGuid();
        }
        batch.ProviderMappedAt = now;
        log.LogInformation("Provider batch {ProviderBatchId} ended {Status}; mapped {Count} rows back.", batch.ProviderBatchId, remote.RawStatus, rows.Count);
        if (!await SaveAsync(db, batch, null, ct)) return false;
        foreach (var row in rows) sweep.Publish(row);
        return true;
    }

    /// <summary>Running batches whose rows have all finished are completed.</summary>
    private async Task<int> FinishAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = new[] { RenderState.Draft, RenderState.AwaitingApproval, RenderState.Queued, RenderState.Submitting, RenderState.Rendering, RenderState.Downloading };
        var done = await db.Batches
            .Where(b => b.Status == BatchStatus.Running && (b.Mode == BatchMode.Direct || b.ProviderMappedAt != null))
            .Where(b => !db.BatchRows.Any(row => row.BatchId == b.Id
                && db.RenderRequests.Any(r => r.Id == row.RenderRequestId && open.Contains(r.State))))
            .ToListAsync(ct);
        var now = sweep.Now;
        foreach (var batch in done)
        {
            (batch.Status, batch.FinishedAt, batch.UpdatedAt, batch.Version) = (BatchStatus.Completed, now, now, Guid.NewGuid());
            await Api.Webhooks.WebhookWorkflowEvents.EnqueueBatchFinishedAsync(db, batch, now, ct);
        }
        if (done.Count == 0) return 0;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return 0; } // paused or cancelled meanwhile; looked at again next sweep
        foreach (var batch in done) batchNotifier.Publish(batch.Id);
        return done.Count;
    }

    private static void Apply(Batch batch, ProviderBatch remote)
    {
        batch.ProviderStatus = remote.RawStatus.Length > 40 ? remote.RawStatus[..40] : remote.RawStatus;
        batch.ProviderCompleted = remote.Counts.Completed;
        batch.ProviderFailed = remote.Counts.Failed;
        batch.ProviderOutputFileId = remote.OutputFileId;
        if (remote.Errors.Count > 0) batch.ProviderError = Shorten(string.Join(" ", remote.Errors));
    }

    private async Task<bool> RetryAsync(VideoHubDbContext db, Batch batch, ProviderError error, CancellationToken ct)
    {
        var now = sweep.Now;
        batch.ProviderAttempts++;
        batch.ProviderError = Shorten(error.Message);
        var permanent = error.Kind is ProviderErrorKind.InvalidRequest or ProviderErrorKind.RejectedByPolicy
            || (error.Kind == ProviderErrorKind.NotFound && batch.ProviderBatchId is null);
        if (!permanent && batch.ProviderAttempts < MaxProviderAttempts)
        {
            log.LogInformation("Provider batch step for {BatchId} failed ({Error}); trying again.", batch.Id, error.Kind);
            return await SaveAsync(db, batch, now + SweepSupport.Backoff(options.CurrentValue.BatchPollMinInterval, batch.ProviderAttempts,
                options.CurrentValue.BatchPollMaxInterval, error.RetryAfter), ct);
        }
        log.LogWarning("Provider batch for {BatchId} failed: {Error}", batch.Id, error.Message);
        var rows = await db.RenderRequests.Where(r => r.BatchId == batch.Id && r.State == RenderState.Queued).ToListAsync(ct);
        foreach (var row in rows)
        {
            RenderStateMachine.Move(row, RenderState.Submitting, now, By);
            row.Fail(RenderFailureReason.ProviderFailed, $"The provider batch could not run: {error.Message}", now, By);
            row.Version = Guid.NewGuid();
        }
        if (batch.Status == BatchStatus.Running) (batch.Status, batch.FinishedAt) = (BatchStatus.Failed, now);
        batch.ProviderMappedAt = now;
        return await SaveAsync(db, batch, null, ct);
    }

    private async Task<bool> SaveAsync(VideoHubDbContext db, Batch batch, DateTime? nextPoll, CancellationToken ct)
    {
        batch.NextPollAt = nextPoll;
        batch.UpdatedAt = sweep.Now;
        batch.Version = Guid.NewGuid();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            log.LogInformation("Batch {BatchId} changed meanwhile; leaving it to the next sweep.", batch.Id);
            return false;
        }
        batchNotifier.Publish(batch.Id);
        return true;
    }

    private static string Shorten(string s) => s.Length > 2000 ? s[..2000] : s;
}

[Quartz.DisallowConcurrentExecution]
public sealed class BatchSweepJob(IServiceScopeFactory scopes, ILogger<BatchSweepJob> log) : SweepJob(scopes, log)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<BatchSweeper>().RunOnceAsync(ct);
}
