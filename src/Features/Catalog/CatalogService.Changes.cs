using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Users;
using VideoHub.Features.Catalog.Clips;
using VideoHub.Features.Catalog.Registration;

namespace VideoHub.Features.Catalog;

public sealed partial class CatalogService
{
    private const string NotEditor = "Only Editors and Owners of a project, or Admins, can add and edit catalog items.";

    public async Task<CatalogResult<Guid>> CreateAsync(Actor actor, NewCatalogItem input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await CanEditAsync(db, actor, ct)) return CatalogResult<Guid>.Invalid(NotEditor);
        if (await ValidateAsync(db, input.Item, null, ct) is { } problem) return CatalogResult<Guid>.Invalid(problem.Error, problem.Field);
        if (await ValidateRightsAsync(db, actor, input.Rights, Now, null, ct) is { } rightsProblem)
            return CatalogResult<Guid>.Invalid(rightsProblem.Error, rightsProblem.Field);
        if (staging.Get(actor, input.ClipToken) is not { } staged)
            return CatalogResult<Guid>.Invalid("Upload a source clip first (MP4, MOV or WebM, 2–4 s).", "clip");
        if (ClipChecks.NotReady(staged.Clip) is { } notReady) return CatalogResult<Guid>.Invalid(notReady, "clip");

        var now = Now;
        var item = new CatalogItem
        {
            OwnerId = actor.UserId, OwnerName = actor.UserName, CreatedAt = now, UpdatedAt = now,
        };
        Apply(item, input.Item);
        ApplyRights(item, input.Rights);
        var version = await StoreVersionAsync(actor, item, staged.Clip, staged.Path, 1, now, ct);
        if (version is null) return CatalogResult<Guid>.Invalid("The clip could not be stored; nothing was saved. Try again.", "clip");

        db.CatalogItems.Add(item);
        await CatalogRegistrar.AddPendingAsync(db, version.Id, now, ct);
        db.CatalogRightsChanges.Add(RightsChange(actor, item, "Rights recorded when the item was created.", null, now));
        audit.Add(db, actor, AuditActions.CatalogItemCreated, nameof(CatalogItem), item.Id.ToString(),
            $"Added {item.Kind.ToString().ToLowerInvariant()} “{item.Name}” to the catalog.", after: RightsJson(item));
        if (!await SaveAsync(db, ct))
        {
            await DeleteFilesAsync(version);
            return CatalogResult<Guid>.Invalid($"An item named “{item.Name}” already exists (names ignore case).", "name");
        }
        staging.Discard(actor, input.ClipToken);
        return CatalogResult<Guid>.Ok(item.Id);
    }

    public async Task<CatalogResult<bool>> UpdateAsync(Actor actor, Guid itemId, CatalogItemInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.CatalogItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return CatalogResult<bool>.Missing();
        if (!await CanEditAsync(db, actor, ct)) return CatalogResult<bool>.Invalid(NotEditor);
        if (item.IsRetired) return CatalogResult<bool>.Invalid("This item is retired and can no longer be changed.");
        if (await ValidateAsync(db, input, itemId, ct) is { } problem) return CatalogResult<bool>.Invalid(problem.Error, problem.Field);
        var before = $"{item.Name} · {item.Kind} · {item.Tags}";
        var renamed = !string.Equals(item.Name, input.Name.Trim(), StringComparison.Ordinal);
        Apply(item, input);
        item.UpdatedAt = Now;
        item.Version = Guid.NewGuid();
        audit.Add(db, actor, AuditActions.CatalogItemUpdated, nameof(CatalogItem), item.Id.ToString(),
            $"Edited catalog item “{item.Name}”.", before: before, after: $"{item.Name} · {item.Kind} · {item.Tags}");
        // Providers know the character by its name: a renamed item is registered again under the new one.
        if (renamed && item.CurrentVersionId is { } current) await CatalogRegistrar.ResetAsync(db, current, Now, ct);
        return await SaveAsync(db, ct) ? CatalogResult<bool>.Ok(true)
            : CatalogResult<bool>.Invalid($"An item named “{item.Name}” already exists, or the item changed meanwhile.", "name");
    }

    /// <summary>A new source clip: a new version that becomes current and is registered again with the providers.</summary>
    public async Task<CatalogResult<int>> AddVersionAsync(Actor actor, Guid itemId, Guid clipToken, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.CatalogItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return CatalogResult<int>.Missing();
        if (!await CanEditAsync(db, actor, ct)) return CatalogResult<int>.Invalid(NotEditor);
        if (item.IsRetired) return CatalogResult<int>.Invalid("This item is retired and can no longer be changed.");
        if (staging.Get(actor, clipToken) is not { } staged) return CatalogResult<int>.Invalid("Upload the new clip first.", "clip");
        if (ClipChecks.NotReady(staged.Clip) is { } notReady) return CatalogResult<int>.Invalid(notReady, "clip");

        var now = Now;
        var number = await db.CatalogItemVersions.Where(v => v.CatalogItemId == itemId).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        var version = await StoreVersionAsync(actor, item, staged.Clip, staged.Path, number + 1, now, ct);
        if (version is null) return CatalogResult<int>.Invalid("The clip could not be stored; nothing was saved. Try again.", "clip");
        db.CatalogItemVersions.Add(version);
        item.CurrentVersionId = version.Id;
        item.CurrentVersionNumber = version.Number;
        item.UpdatedAt = now;
        item.Version = Guid.NewGuid();
        await CatalogRegistrar.AddPendingAsync(db, version.Id, now, ct);
        audit.Add(db, actor, AuditActions.CatalogVersionAdded, nameof(CatalogItem), item.Id.ToString(),
            $"Uploaded version {version.Number} of “{item.Name}”.");
        if (!await SaveAsync(db, ct))
        {
            await DeleteFilesAsync(version);
            return CatalogResult<int>.Invalid("The item changed meanwhile; reload and try again.");
        }
        staging.Discard(actor, clipToken);
        return CatalogResult<int>.Ok(version.Number);
    }

    public async Task<CatalogResult<bool>> RetireAsync(Actor actor, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.CatalogItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return CatalogResult<bool>.Missing();
        if (!CanChangeRights(item, actor)) return CatalogResult<bool>.Invalid("Only the item's owner or an Admin can retire it.");
        if (item.IsRetired) return CatalogResult<bool>.Ok(true);
        item.IsRetired = true;
        item.RetiredAt = Now;
        item.UpdatedAt = Now;
        item.Version = Guid.NewGuid();
        audit.Add(db, actor, AuditActions.CatalogItemRetired, nameof(CatalogItem), item.Id.ToString(),
            $"Retired catalog item “{item.Name}”; renders that used it keep it.");
        return await SaveAsync(db, ct) ? CatalogResult<bool>.Ok(true) : CatalogResult<bool>.Invalid("The item changed meanwhile; reload and try again.");
    }

    /// <summary>Sends a failed registration again (Editors and above).</summary>
    public async Task<CatalogResult<bool>> RetryRegistrationAsync(Actor actor, Guid registrationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.CatalogRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId, ct);
        if (row is null) return CatalogResult<bool>.Missing();
        if (!await CanEditAsync(db, actor, ct)) return CatalogResult<bool>.Invalid(NotEditor);
        if (row.Status != CatalogRegistrationStatus.Failed) return CatalogResult<bool>.Ok(false);
        row.Status = CatalogRegistrationStatus.Pending;
        row.Attempts = 0;
        row.Error = null;
        row.NextAttemptAt = Now;
        row.UpdatedAt = Now;
        var itemId = await db.CatalogItemVersions.Where(v => v.Id == row.CatalogItemVersionId).Select(v => v.CatalogItemId).FirstAsync(ct);
        audit.Add(db, actor, AuditActions.CatalogRegistrationRetried, nameof(CatalogItem), itemId.ToString(),
            $"Retried the registration with {row.ProviderId}.");
        await db.SaveChangesAsync(ct);
        return CatalogResult<bool>.Ok(true);
    }

    private async Task<CatalogItemVersion?> StoreVersionAsync(Actor actor, CatalogItem item, StagedClip clip, string path, int number,
        DateTime now, CancellationToken ct)
    {
        var version = new CatalogItemVersion
        {
            CatalogItemId = item.Id, Number = number, DurationSeconds = clip.Facts.DurationSeconds, Width = clip.Facts.Width,
            Height = clip.Facts.Height, CreatedBy = actor.UserName, CreatedAt = now,
        };
        var clipKey = CatalogMediaKeys.Clip(item.Id, version.Id, clip.Extension);
        var posterKey = CatalogMediaKeys.Poster(item.Id, version.Id);
        try
        {
            await using (var write = storage.BeginWrite(clipKey))
            {
                var hashing = new Media.HashingStream(write.Stream);
                await using (var source = File.OpenRead(path)) await source.CopyToAsync(hashing, ct);
                version.Bytes = hashing.BytesWritten;
                version.Sha256 = hashing.HashHex();
                await write.CommitAsync();
            }
            version.ClipKey = clipKey;
            await using (var poster = storage.BeginWrite(posterKey))
            {
                await poster.CloseAsync();
                if (await tools.PosterAsync(path, poster.TempPath, clip.Facts.DurationSeconds, ct))
                {
                    await poster.CommitAsync();
                    version.PosterKey = posterKey;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.LogError(ex, "Storing a catalog clip failed");
            await DeleteKeysAsync(clipKey, posterKey);
            return null;
        }
        if (number == 1) item.Versions.Add(version);
        item.CurrentVersionId = version.Id;
        item.CurrentVersionNumber = number;
        return version;
    }
}
