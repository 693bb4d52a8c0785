using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;
using VideoHub.Media;

namespace VideoHub.Features.Requests;

/// <summary>
/// A form filled from an earlier request or take ("Duplicate", "Re-run with changes"): every parameter, the catalog
/// items and the image reference's bytes, which the submission stores again under a new key, so the copy never
/// shares (or loses) the original's file.
/// </summary>
public sealed class RequestPrefillService(IDbContextFactory<VideoHubDbContext> dbFactory, IMediaStorage storage)
{
    /// <summary>The request's form input, or null when it is not in this project or the actor may not see it.</summary>
    public async Task<RequestFormInput?> FromRequestAsync(Actor actor, Guid projectId, Guid requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return null;
        var r = await db.RenderRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == requestId && x.ProjectId == projectId, ct);
        if (r is null) return null;
        var items = await db.RenderRequestCatalogItems.AsNoTracking().Where(i => i.RenderRequestId == r.Id)
            .Select(i => i.CatalogItemId).ToListAsync(ct);
        var input = new RequestFormInput
        {
            ProviderId = r.ProviderId, Model = r.Model, Size = r.Size, Seconds = r.Seconds, Prompt = r.Prompt,
            Operation = r.Operation, ParentVideoId = r.ParentVideoId, CatalogItemIds = items,
        };
        if (r.ImageReferenceKey is { } key && await ReadImageAsync(key, ct) is { } bytes)
        {
            input.ImageBytes = bytes;
            input.ImageContentType = ImageHeader.Read(bytes)?.ContentType;
            input.ImageName = "reference" + Path.GetExtension(key);
        }
        return input;
    }

    /// <summary>The form input of the request that made this take, or null when the take is not visible in this project.</summary>
    public async Task<RequestFormInput?> FromTakeAsync(Actor actor, Guid projectId, Guid videoId, CancellationToken ct = default)
    {
        Guid requestId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            requestId = await db.Videos.AsNoTracking().Where(v => v.Id == videoId && v.ProjectId == projectId)
                .Select(v => v.RenderRequestId).FirstOrDefaultAsync(ct);
        }
        return requestId == Guid.Empty ? null : await FromRequestAsync(actor, projectId, requestId, ct);
    }

    private async Task<byte[]?> ReadImageAsync(string key, CancellationToken ct)
    {
        var file = storage.GetFile(key);
        if (file is null || file.Length > ImageReferenceCheck.MaxBytes) return null;
        return await File.ReadAllBytesAsync(file.FullName, ct);
    }
}
