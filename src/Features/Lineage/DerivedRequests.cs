using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Policy;
using VideoHub.Features.Requests;

namespace VideoHub.Features.Lineage;

/// <summary>The pre-check input of a remix, edit or extension, completed from its source take, and what else it found.</summary>
public sealed record DerivedCheck(PolicyCheckInput Input, IReadOnlyList<PolicyFinding> Findings, bool StitchExtension);

/// <summary>
/// Operation support for the request form: a remix, edit or extension takes its provider, model and size from the
/// source take (the provider works on its own job); remix and edit keep the source's length; an extension adds a
/// segment to the chain that ends at the source (count and length checked against the profile's limits). When the
/// model cannot extend but can start from an image, VideoHub extends by itself (<see cref="DerivedCheck.StitchExtension"/>).
/// </summary>
public sealed class DerivedRequests(IDbContextFactory<VideoHubDbContext> dbFactory, PolicyCheck policy)
{
    private const FindingCategory Category = FindingCategory.Capability;

    /// <summary>The full pre-check of a form input of any operation; <paramref name="projectId"/> scopes the source take when known.</summary>
    public async Task<(PolicyCheckResult Check, DerivedCheck Prepared)> CheckAsync(PolicyCheckInput input, RequestFormInput form,
        Guid? projectId, CancellationToken ct = default)
    {
        var prepared = await PrepareAsync(input, form, projectId, ct);
        var result = await policy.CheckAsync(prepared.Input, ct);
        if (prepared.Findings.Count > 0)
            result = result with { Findings = [.. prepared.Findings, .. result.Findings] };
        return (result, prepared);
    }

    public async Task<DerivedCheck> PrepareAsync(PolicyCheckInput input, RequestFormInput form, Guid? projectId, CancellationToken ct)
    {
        if (form.Operation == RenderOperation.Create) return new(input, [], false);
        if (form.Operation == RenderOperation.Sequence)
            return Blocked(input, "Sequences are joined by VideoHub from a storyboard's approved takes; they cannot be requested.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.Videos.AsNoTracking()
            .Where(v => v.Id == form.ParentVideoId && (projectId == null || v.ProjectId == projectId))
            .Select(v => new { v.Id, v.ProviderId, v.Model, v.Operation, v.DurationSeconds, v.Width, v.Height,
                Size = db.RenderRequests.Where(r => r.Id == v.RenderRequestId).Select(r => r.Size).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (source is null) return Blocked(input, "The take this request builds on does not exist.");
        if (source.Operation == RenderOperation.Sequence)
            return Blocked(input, "A sequence take is joined by VideoHub, so no provider can remix, edit or extend it.",
                "Change the storyboard's shots instead.");

        var profile = await db.ProviderModels.AsNoTracking()
            .FirstOrDefaultAsync(m => m.ProviderId == source.ProviderId && m.Model == source.Model, ct);
        var names = form.CatalogItemIds.Count == 0 ? [] : await db.CatalogItems.AsNoTracking()
            .Where(i => form.CatalogItemIds.Contains(i.Id)).Select(i => i.Name).ToListAsync(ct);
        var size = string.IsNullOrEmpty(source.Size) ? $"{source.Width}x{source.Height}" : source.Size;
        var sourceSeconds = (int)Math.Round(source.DurationSeconds);
        var derived = input with
        {
            ProviderId = source.ProviderId, Model = source.Model, Operation = form.Operation, Size = size,
            CharacterNames = input.CharacterNames.Count > 0 ? input.CharacterNames : names,
        };
        if (form.Operation != RenderOperation.Extend)
            return new(derived with { Seconds = sourceSeconds }, [], false);

        var extensions = await LineageQueries.ExtensionCountAsync(db, source.Id, ct);
        derived = derived with { Seconds = form.Seconds, Chain = new ExtensionChainInput(extensions, sourceSeconds) };
        return new(derived, [], profile is not null && NeedsStitching(profile));
    }

    /// <summary>The model cannot extend, but can start a render from an image: VideoHub extends by itself.</summary>
    public static bool NeedsStitching(ProviderModelProfile profile) => CapabilityCheck.ExtendsByStitching(profile);

    private static DerivedCheck Blocked(PolicyCheckInput input, string message, string? fix = null) =>
        new(input, [PolicyFinding.Block(Category, message, fix)], false);
}
