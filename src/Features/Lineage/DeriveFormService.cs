using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Domain.Users;
using VideoHub.Features.Policy;
using VideoHub.Features.Requests;

namespace VideoHub.Features.Lineage;

/// <summary>A review note asking for changes, shown beside a retake's form.</summary>
public sealed record RetakeNote(string ReviewerName, string? Note, DateTime At, bool Superseded);

/// <summary>The take a remix, edit or extension starts from, with what its form needs.</summary>
public sealed record DeriveSource(Guid VideoId, string Prompt, string ProviderId, string Model, string Size, double DurationSeconds,
    RenderOperation Operation, int ExtensionCount, ProviderModelProfile? Profile, IReadOnlyList<RetakeNote> Notes, RequestFormContext Form)
{
    public bool IsSequence => Operation == RenderOperation.Sequence;
    public bool ExtendsByStitching => Profile is { } p && CapabilityCheck.ExtendsByStitching(p);
    public int SourceSeconds => (int)Math.Round(DurationSeconds);
}

/// <summary>The derive pages' server side: load the source take, then check and submit through the request form's service.</summary>
public sealed class DeriveFormService(RequestFormService forms, IDbContextFactory<VideoHubDbContext> dbFactory)
{
    /// <summary>Null when the actor may not request renders in this project or the take is not in it (the page answers 404).</summary>
    public async Task<DeriveSource?> LoadAsync(Actor actor, Guid projectId, Guid videoId, CancellationToken ct = default)
    {
        var form = await forms.LoadAsync(actor, projectId, ct);
        if (form is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var take = await db.Videos.AsNoTracking().Where(v => v.Id == videoId && v.ProjectId == projectId)
            .Select(v => new { v.Prompt, v.ProviderId, v.Model, v.DurationSeconds, v.Operation, v.Width, v.Height,
                Size = db.RenderRequests.Where(r => r.Id == v.RenderRequestId).Select(r => r.Size).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (take is null) return null;
        var profile = await db.ProviderModels.AsNoTracking()
            .FirstOrDefaultAsync(m => m.ProviderId == take.ProviderId && m.Model == take.Model, ct);
        var notes = await db.ReviewDecisions.AsNoTracking()
            .Where(d => d.VideoId == videoId && d.Verdict == ReviewVerdict.RequestChanges)
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new RetakeNote(d.ReviewerName, d.Note, d.CreatedAt, d.SupersededAt != null)).ToListAsync(ct);
        var extensions = await LineageQueries.ExtensionCountAsync(db, videoId, ct);
        return new DeriveSource(videoId, take.Prompt, take.ProviderId, take.Model,
            string.IsNullOrEmpty(take.Size) ? $"{take.Width}x{take.Height}" : take.Size, take.DurationSeconds, take.Operation,
            extensions, profile, notes, form);
    }

    public Task<PolicyCheckResult> CheckAsync(RequestFormInput input, BudgetInput budget, CancellationToken ct = default) =>
        forms.CheckAsync(input, budget, ct);

    public Task<SubmitOutcome> SubmitAsync(Actor actor, Guid projectId, RequestFormInput input, CancellationToken ct = default) =>
        forms.SubmitAsync(actor, projectId, input, ct);
}
