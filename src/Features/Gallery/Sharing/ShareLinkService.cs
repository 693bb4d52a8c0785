using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Gallery;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Gallery.Sharing;

/// <summary>
/// Making, listing and revoking share links. Take links: Owners and Editors of the take's project (and Admins);
/// collection links: the collection's owner. Every change is audited.
/// </summary>
public sealed class ShareLinkService(IDbContextFactory<VideoHubDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public const int PasswordMinLength = 6;
    public const int PasswordMaxLength = 128;
    private static readonly PasswordHasher<ShareLink> Hasher = new();

    public async Task<GalleryResult<CreatedShareLink>> CreateForTakeAsync(Actor actor, Guid videoId, ShareLinkInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var take = await db.Videos.AsNoTracking().Where(v => v.Id == videoId).Select(v => new { v.ProjectId }).FirstOrDefaultAsync(ct);
        if (take is null) return GalleryResult<CreatedShareLink>.NotFound();
        var grant = await ProjectAccess.GetAsync(db, actor, take.ProjectId, ct);
        if (!grant.CanView) return GalleryResult<CreatedShareLink>.NotFound();
        if (!grant.CanEdit) return GalleryResult<CreatedShareLink>.Invalid("Only Owners and Editors of the project may share its takes.");
        return await CreateAsync(db, actor, input, l => { l.ProjectId = take.ProjectId; l.VideoId = videoId; }, ct);
    }

    public async Task<GalleryResult<CreatedShareLink>> CreateForCollectionAsync(Actor actor, Guid collectionId, ShareLinkInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Collections.Where(c => c.Id == collectionId).Select(c => c.OwnerId).FirstOrDefaultAsync(ct);
        if (owner is null || (owner != actor.UserId && !actor.IsAdmin)) return GalleryResult<CreatedShareLink>.NotFound();
        return await CreateAsync(db, actor, input, l => l.CollectionId = collectionId, ct);
    }

    private async Task<GalleryResult<CreatedShareLink>> CreateAsync(VideoHubDbContext db, Actor actor, ShareLinkInput input,
        Action<ShareLink> target, CancellationToken ct)
    {
        if (Validate(input) is { } error) return GalleryResult<CreatedShareLink>.Invalid(error);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = ShareTokens.New();
        var link = new ShareLink
        {
            TokenHash = ShareTokens.HashOf(token)!, Label = input.Label.Trim(), CreatedById = actor.UserId, CreatedByName = actor.UserName,
            CreatedAt = now, ExpiresAt = now.AddDays(input.ExpiresInDays),
        };
        target(link);
        if (!string.IsNullOrEmpty(input.Password)) link.PasswordHash = Hasher.HashPassword(link, input.Password);
        db.ShareLinks.Add(link);
        audit.Add(db, actor, AuditActions.ShareCreated, "ShareLink", link.Id.ToString(),
            $"Shared {(link.VideoId is not null ? "take " + link.VideoId : "collection " + link.CollectionId)} until {link.ExpiresAt:u}" +
            (link.PasswordHash is null ? "" : " with a password"), link.ProjectId);
        await db.SaveChangesAsync(ct);
        return GalleryResult<CreatedShareLink>.Ok(new CreatedShareLink(link.Id, token));
    }

    private static string? Validate(ShareLinkInput input)
    {
        if (input.Label.Trim().Length > ShareLink.LabelMaxLength) return $"The label may have at most {ShareLink.LabelMaxLength} characters.";
        if (input.ExpiresInDays is < 1 or > ShareLinkInput.MaxDays) return $"A link expires after 1 to {ShareLinkInput.MaxDays} days.";
        if (!string.IsNullOrEmpty(input.Password) && input.Password.Length is < PasswordMinLength or > PasswordMaxLength)
            return $"A password needs {PasswordMinLength} to {PasswordMaxLength} characters.";
        return null;
    }

    /// <summary>The project's take links, newest first; for its Owners and Editors (null otherwise).</summary>
    public async Task<IReadOnlyList<ShareLinkRow>?> ListForProjectAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanEdit) return null;
        return await Rows(db.ShareLinks.Where(l => l.ProjectId == projectId)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ShareLinkRow>?> ListForCollectionAsync(Actor actor, Guid collectionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Collections.Where(c => c.Id == collectionId).Select(c => c.OwnerId).FirstOrDefaultAsync(ct);
        if (owner is null || (owner != actor.UserId && !actor.IsAdmin)) return null;
        return await Rows(db.ShareLinks.Where(l => l.CollectionId == collectionId)).ToListAsync(ct);
    }

    public async Task<GalleryResult<bool>> RevokeAsync(Actor actor, Guid linkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.ShareLinks.FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null || !await MayManageAsync(db, actor, link, ct)) return GalleryResult<bool>.NotFound();
        if (link.RevokedAt is not null) return GalleryResult<bool>.Ok(false);
        link.RevokedAt = clock.GetUtcNow().UtcDateTime;
        link.RevokedBy = actor.UserName;
        audit.Add(db, actor, AuditActions.ShareRevoked, "ShareLink", link.Id.ToString(), $"Revoked share link '{link.Label}'", link.ProjectId);
        await db.SaveChangesAsync(ct);
        return GalleryResult<bool>.Ok(true);
    }

    private static async Task<bool> MayManageAsync(VideoHubDbContext db, Actor actor, ShareLink link, CancellationToken ct)
    {
        if (link.ProjectId is { } projectId) return (await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanEdit;
        var owner = await db.Collections.Where(c => c.Id == link.CollectionId).Select(c => c.OwnerId).FirstOrDefaultAsync(ct);
        return owner is not null && (owner == actor.UserId || actor.IsAdmin);
    }

    private static IQueryable<ShareLinkRow> Rows(IQueryable<ShareLink> links) => links.OrderByDescending(l => l.CreatedAt)
        .Select(l => new ShareLinkRow(l.Id, l.Label, l.VideoId, l.CollectionId, l.CreatedByName, l.CreatedAt, l.ExpiresAt, l.RevokedAt,
            l.PasswordHash != null, l.OpenCount, l.LastOpenedAt));

    internal static bool Verify(ShareLink link, string password) =>
        link.PasswordHash is not null && Hasher.VerifyHashedPassword(link, link.PasswordHash, password) != PasswordVerificationResult.Failed;
}
