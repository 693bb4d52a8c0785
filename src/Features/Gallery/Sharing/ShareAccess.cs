using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Gallery;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Media;

namespace VideoHub.Features.Gallery.Sharing;

/// <summary>
/// What an anonymous holder of a share token may see. The same check answers the page, every media variant and
/// the metadata: the link exists, has not expired, was not revoked, its password was given (a data-protected
/// cookie scoped to the link's path), and its creator may still see the takes it shows.
/// </summary>
public sealed class ShareAccess(IDbContextFactory<VideoHubDbContext> dbFactory, IDataProtectionProvider protection, AuditLog audit,
    SharePasswordLimiter limiter, TimeProvider clock)
{
    public const string CookieName = "vh_share";
    private readonly IDataProtector protector = protection.CreateProtector("VideoHub.Gallery.ShareUnlock.v1");

    /// <summary>The share page's view; null when the link answers as not found. <paramref name="audited"/> records the opening.</summary>
    public async Task<ShareView?> OpenAsync(string token, string? cookie, bool audited, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await ActiveLinkAsync(db, token, ct);
        if (link is null) return null;
        var creator = await CreatorAsync(db, link, ct);
        if (creator is null) return null;
        var locked = link.PasswordHash is not null && !IsUnlocked(link, cookie);
        var takes = locked ? [] : await TakesAsync(db, link, creator, ct);
        var title = link.CollectionId is { } cid
            ? await db.Collections.Where(c => c.Id == cid).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? ""
            : link.Label;
        if (audited && !locked)
        {
            link.OpenCount++;
            link.LastOpenedAt = clock.GetUtcNow().UtcDateTime;
            audit.Add(db, null, AuditActions.ShareOpened, "ShareLink", link.Id.ToString(), $"Share link '{link.Label}' opened", link.ProjectId);
            await db.SaveChangesAsync(ct);
        }
        return new ShareView(link.Id, link.Label, link.ExpiresAt, locked, link.CollectionId is not null,
            string.IsNullOrWhiteSpace(title) ? "Shared take" : title, takes);
    }

    /// <summary>One take of the link for a media request, or null (answered 404) when anything does not hold.</summary>
    public async Task<MediaTake?> MediaTakeAsync(string token, string? cookie, Guid videoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await ActiveLinkAsync(db, token, ct);
        if (link is null || (link.PasswordHash is not null && !IsUnlocked(link, cookie))) return null;
        var creator = await CreatorAsync(db, link, ct);
        if (creator is null) return null;
        return (await TakesAsync(db, link, creator, ct, videoId)).FirstOrDefault();
    }

    public async Task<UnlockResult> UnlockAsync(string token, string? password, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await ActiveLinkAsync(db, token, ct);
        if (link is null || link.PasswordHash is null) return new(UnlockOutcome.NotFound);
        if (limiter.IsLockedOut(link.Id)) return new(UnlockOutcome.TooManyAttempts);
        if (string.IsNullOrEmpty(password) || password.Length > ShareLinkService.PasswordMaxLength || !ShareLinkService.Verify(link, password))
        {
            limiter.RecordFailure(link.Id);
            await audit.RecordAsync(null, AuditActions.SharePasswordFailed, "ShareLink", link.Id.ToString(),
                $"Wrong password for share link '{link.Label}'", link.ProjectId, ct);
            return new(limiter.IsLockedOut(link.Id) ? UnlockOutcome.TooManyAttempts : UnlockOutcome.WrongPassword);
        }
        return new(UnlockOutcome.Unlocked, protector.Protect($"{link.Id:N}|{Stamp(link)}"));
    }

    public CookieOptions CookieOptionsFor(string token, DateTime expiresAt, bool secure) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = secure, Path = $"/share/{token}", Expires = expiresAt, IsEssential = true,
    };

    private bool IsUnlocked(ShareLink link, string? cookie)
    {
        if (string.IsNullOrEmpty(cookie)) return false;
        try { return protector.Unprotect(cookie) == $"{link.Id:N}|{Stamp(link)}"; }
        catch (CryptographicException) { return false; }
    }

    // Changes whenever the password does, so an old cookie stops working.
    private static string Stamp(ShareLink link) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(link.PasswordHash ?? "")))[..16];

    private async Task<ShareLink?> ActiveLinkAsync(VideoHubDbContext db, string token, CancellationToken ct)
    {
        var hash = ShareTokens.HashOf(token);
        if (hash is null) return null;
        var link = await db.ShareLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        return link is not null && link.IsActive(clock.GetUtcNow().UtcDateTime) ? link : null;
    }

    private static async Task<Actor?> CreatorAsync(VideoHubDbContext db, ShareLink link, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == link.CreatedById && u.DisabledAt == null)
            .Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(ct);
        if (user is null) return null;
        var isAdmin = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                             where ur.UserId == user.Id && r.Name == Roles.Admin select ur).AnyAsync(ct);
        return new Actor(user.Id, user.UserName ?? user.Id, isAdmin);
    }

    private static async Task<List<MediaTake>> TakesAsync(VideoHubDbContext db, ShareLink link, Actor creator, CancellationToken ct, Guid? only = null)
    {
        var visible = ProjectAccess.Visible(db, creator).Select(p => p.Id);
        if (link.VideoId is { } videoId)
        {
            if (only is not null && only != videoId) return [];
            return await MediaTake.Select(db.Videos.AsNoTracking().Where(v => v.Id == videoId && visible.Contains(v.ProjectId))).ToListAsync(ct);
        }
        var items = db.CollectionItems.Where(i => i.CollectionId == link.CollectionId && (only == null || i.VideoId == only));
        var videos = from i in items join v in db.Videos on i.VideoId equals v.Id
                     where visible.Contains(v.ProjectId) orderby i.Position select v;
        return await MediaTake.Select(videos.AsNoTracking()).Take(500).ToListAsync(ct);
    }
}
