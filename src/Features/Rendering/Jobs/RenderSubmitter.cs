using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoHub.Data;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;
using VideoHub.Providers;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>
/// Sends queued requests to their provider, exactly once each (DESIGN §3): the row moves to Submitting with a new
/// client token before the POST; the token goes out as Idempotency-Key; a POST whose answer was lost is never
/// retried blindly but reconciled (same key again, or list-and-match for providers that ignore keys).
/// </summary>
public sealed class RenderSubmitter(IDbContextFactory<VideoHubDbContext> dbFactory, IRenderProviders providers,
    RenderSubmission submission, FairQueue fairQueue, SweepSupport sweep, IOptionsMonitor<RenderingOptions> options, ILogger<RenderSubmitter> log)
{
    public const string By = "job:submit";

    /// <summary>One sweep; returns how many rows it acted on.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var settings = options.CurrentValue;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = sweep.Now;
        var definitions = await db.Providers.AsNoTracking().Where(p => p.Enabled).ToDictionaryAsync(p => p.Id, ct);
        var budgets = new Dictionary<string, ProviderBudget>();
        foreach (var definition in definitions.Values)
            budgets[definition.Id] = await ProviderBudget.ReadAsync(db, definition, now, ct);

        var acted = 0;
        // Unfinished submissions first: they already hold a slot at the provider.
        var pending = await db.RenderRequests.AsNoTracking()
            .Where(r => r.State == RenderState.Submitting && r.NextAttemptAt <= now)
            .OrderBy(r => r.NextAttemptAt).Take(settings.BatchSize).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in pending)
            if (await ReconcileAsync(id, definitions, budgets, ct)) acted++;

        // Interactive requests and each running batch take turns (FairQueue), so a big batch never starves a user.
        var queued = await fairQueue.NextAsync(db, now, settings.BatchSize, ct);
        foreach (var row in queued)
        {
            if (!budgets.TryGetValue(row.ProviderId, out var budget) || !budget.TryTakeNew()) continue;
            if (await SubmitAsync(row.Id, definitions, ct)) { acted++; fairQueue.Served(row); }
        }
        return acted;
    }

    private async Task<bool> SubmitAsync(Guid id, IReadOnlyDictionary<string, ProviderDefinition> definitions, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RenderRequests.FirstOrDefaultAsync(r => r.Id == id && r.State == RenderState.Queued, ct);
        if (row is null) return false;
        var now = sweep.Now;
        RenderStateMachine.Move(row, RenderState.Submitting, now, By);
        row.ClientToken = $"vh_{Guid.NewGuid():N}";
        row.SubmittedAt = now;
        row.Attempts = 0;
        // If the process dies during the POST, this is when the next sweep reconciles.
        row.NextAttemptAt = now + options.CurrentValue.SubmitRetryDelay;
        if (!await sweep.SaveAsync(db, row, ct)) return false;

        return await PostAsync(db, row, definitions, ct);
    }

    private async Task<bool> ReconcileAsync(Guid id, IReadOnlyDictionary<string, ProviderDefinition> definitions,
        Dictionary<string, ProviderBudget> budgets, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.RenderRequests.FirstOrDefaultAsync(r => r.Id == id && r.State == RenderState.Submitting, ct);
        if (row is null || !definitions.TryGetValue(row.ProviderId, out var definition)) return false;
        if (!budgets[row.ProviderId].TryTakeRetry()) return false;

        if (definition.Kind != ProviderKinds.Local)
        {
            // Providers that may ignore Idempotency-Key: look for a job this request already started.
            var provider = await providers.GetAsync(row.ProviderId, ct);
            if (provider is not null && await submission.FindExistingAsync(provider, row, ct) is { } existing)
            {
                log.LogInformation("Render request {RequestId} matched provider job {JobId} on reconcile.", row.Id, existing.Id);
                return await ApplyAsync(db, row, existing, ct);
            }
        }
        // Same client token: a provider that honours it answers with the first job instead of making a second.
        return await PostAsync(db, row, definitions, ct);
    }

    private async Task<bool> PostAsync(VideoHubDbContext db, RenderRequest row, IReadOnlyDictionary<string, ProviderDefinition> definitions,
        CancellationToken ct)
    {
        var provider = definitions.ContainsKey(row.ProviderId) ? await providers.GetAsync(row.ProviderId, ct) : null;
        if (provider is null)
            return await RetryLaterAsync(db, row, new ProviderError(ProviderErrorKind.Unreachable, "The provider is not enabled."), ct);

        var result = await submission.PostAsync(db, provider, row, ct);
        if (result.IsSuccess) return await ApplyAsync(db, row, result.Value, ct);

        var error = result.Error;
        switch (error.Kind)
        {
            case ProviderErrorKind.RejectedByPolicy or ProviderErrorKind.InvalidRequest or ProviderErrorKind.NotFound:
                row.Fail(RenderFailureReason.RejectedByProvider, error.Message, sweep.Now, By);
                row.RecordProviderError(ProviderRejectionCodes.Of(error), error.Param);
                return await sweep.SaveAsync(db, row, ct);
            default:
                // Timeout, dropped connection, 429, 5xx: the outcome may be unknown, so reconcile later.
                return await RetryLaterAsync(db, row, error, ct);
        }
    }

    private async Task<bool> RetryLaterAsync(VideoHubDbContext db, RenderRequest row, ProviderError error, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        row.Attempts++;
        if (row.Attempts >= settings.MaxSubmitAttempts)
        {
            row.Fail(RenderFailureReason.ProviderFailed, $"The provider did not accept the render after {row.Attempts} attempts: {error.Message}",
                sweep.Now, By);
        }
        else
        {
            row.NextAttemptAt = sweep.Now + SweepSupport.Backoff(settings.SubmitRetryDelay, row.Attempts - 1,
                TimeSpan.FromMinutes(5), error.RetryAfter);
            log.LogInformation("Submitting render request {RequestId} failed ({Error}); reconciling at {At:O}.", row.Id, error.Kind, row.NextAttemptAt);
        }
        return await sweep.SaveAsync(db, row, ct);
    }

    private async Task<bool> ApplyAsync(VideoHubDbContext db, RenderRequest row, ProviderVideo video, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var now = sweep.Now;
        RenderStateMachine.Move(row, RenderState.Rendering, now, By, $"Provider job {video.Id}.");
        row.ProviderJobId = video.Id;
        row.Progress = Math.Clamp(video.Progress, 0, 100);
        row.Attempts = 0;
        row.Polls = 0;
        row.PollDeadline = (row.SubmittedAt ?? now) + settings.RenderTimeout;
        row.NextAttemptAt = now + SweepSupport.NextPoll(settings, 0, video.PollAfter);
        return await sweep.SaveAsync(db, row, ct);
    }
}
