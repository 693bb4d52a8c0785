using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Lineage.Stitching;
using VideoHub.Media;
using VideoHub.Providers;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>Turns a render request into the provider call of its operation, and finds a job it already started.</summary>
public sealed class RenderSubmission(IMediaStorage storage, StitchedExtension stitched)
{
    private const int ListPages = 3;

    public async Task<ProviderResult<ProviderVideo>> PostAsync(VideoHubDbContext db, IVideoProvider provider, RenderRequest row,
        CancellationToken ct)
    {
        var key = row.ClientToken;
        if (row.Operation == RenderOperation.Create)
        {
            var file = row.ImageReferenceKey is { } imageKey ? storage.GetFile(imageKey) : null;
            var characters = await db.RenderRequestCatalogItems.AsNoTracking()
                .Where(c => c.RenderRequestId == row.Id && c.ProviderCharacterId != null)
                .OrderBy(c => c.Name).Select(c => c.ProviderCharacterId!).ToListAsync(ct);
            await using var image = file?.OpenRead();
            return await provider.CreateVideoAsync(new VideoCreateRequest(row.Prompt)
            {
                Model = row.Model, Size = row.Size, Seconds = row.Seconds, IdempotencyKey = key, CharacterIds = characters,
                ImageReference = image is null ? null : ImageReference.FromUpload(new UploadFile(image, file!.Name, ContentTypeOf(file.Name))),
            }, ct);
        }

        if (row.Operation == RenderOperation.Extend && row.StitchExtension)
            return await stitched.PostContinuationAsync(db, provider, row, ct);

        var parent = await db.Videos.AsNoTracking().Where(v => v.Id == row.ParentVideoId && v.ProjectId == row.ProjectId)
            .Select(v => v.ProviderJobId).FirstOrDefaultAsync(ct);
        if (parent is null)
            return new ProviderError(ProviderErrorKind.InvalidRequest, "The take this request builds on no longer exists.");
        return row.Operation switch
        {
            RenderOperation.Remix => await provider.RemixVideoAsync(new VideoRemixRequest(parent, row.Prompt) { IdempotencyKey = key }, ct),
            RenderOperation.Edit => await provider.EditVideoAsync(new VideoEditRequest(row.Prompt) { VideoId = parent, IdempotencyKey = key }, ct),
            _ => await provider.ExtendVideoAsync(new VideoExtendRequest(parent, row.Prompt, row.Seconds) { IdempotencyKey = key }, ct),
        };
    }

    /// <summary>
    /// For providers that may ignore Idempotency-Key: a recent job with this request's prompt, model, size and length,
    /// created after the first POST went out, is taken to be ours. Null when none is found (or listing failed).
    /// </summary>
    public async Task<ProviderVideo?> FindExistingAsync(IVideoProvider provider, RenderRequest row, CancellationToken ct)
    {
        var since = (row.SubmittedAt ?? DateTime.MinValue).AddMinutes(-1);
        string? after = null;
        for (var page = 0; page < ListPages; page++)
        {
            var result = await provider.ListVideosAsync(new VideoListQuery(50, after), ct);
            if (!result.IsSuccess) return null;
            var match = result.Value.Videos.FirstOrDefault(v => v.CreatedAt >= since
                && string.Equals(v.Prompt, row.Prompt, StringComparison.Ordinal)
                && string.Equals(v.Model, row.Model, StringComparison.OrdinalIgnoreCase)
                && string.Equals(v.Size, row.Size, StringComparison.OrdinalIgnoreCase)
                && (row.Operation != RenderOperation.Create || v.Seconds == row.Seconds));
            if (match is not null) return match;
            if (!result.Value.HasMore || result.Value.Videos.Count == 0 || result.Value.Videos[^1].CreatedAt < since) return null;
            after = result.Value.LastId;
        }
        return null;
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".webp" => "image/webp",
        _ => "image/jpeg",
    };
}
