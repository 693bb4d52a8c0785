using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Api;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Api.Tokens;

public sealed record ApiTokenView(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt,
    DateTime? LastUsedAt, DateTime? RevokedAt, string? RevokedBy, string UserId, string UserName)
{
    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>The token as created: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(string Token, ApiTokenView View);

/// <summary>
/// Personal access tokens: "vhp_" and 43 url-safe base64 characters (256 random bits). Only the SHA-256 is stored,
/// so a leaked database does not leak tokens, and a lookup by hash is a single indexed read.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<VideoHubDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public const string TokenPrefix = "vhp_";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<Result<CreatedApiToken>> CreateAsync(Actor actor, string name, DateTime? expiresAt, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length == 0) return Result<CreatedApiToken>.Invalid("name", "Give the token a name, e.g. the script that uses it.");
        if (name.Length > ApiToken.NameMaxLength)
            return Result<CreatedApiToken>.Invalid("name", $"Keep the name under {ApiToken.NameMaxLength} characters.");
        var now = Now;
        if (expiresAt is { } e && e <= now) return Result<CreatedApiToken>.Invalid("expiresAt", "The expiry must be in the future.");

        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = new ApiToken
        {
            UserId = actor.UserId, Name = name, TokenHash = Hash(secret), Prefix = secret[..10],
            CreatedAt = now, ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(row);
        audit.Add(db, actor, AuditActions.ApiTokenCreated, nameof(ApiToken), row.Id.ToString(),
            $"Created the API token “{name}”{(expiresAt is null ? "" : $" expiring {expiresAt:yyyy-MM-dd}")}.");
        await db.SaveChangesAsync(ct);
        return Result<CreatedApiToken>.Ok(new CreatedApiToken(secret, View(row, actor.UserName)));
    }

    public async Task<IReadOnlyList<ApiTokenView>> ListMineAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == actor.UserId)
            .OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        return rows.Select(t => View(t, actor.UserName)).ToList();
    }

    /// <summary>Every token of every user, for Admins; empty for anyone else.</summary>
    public async Task<IReadOnlyList<ApiTokenView>> ListAllAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from t in db.ApiTokens.AsNoTracking()
                          join u in db.Users on t.UserId equals u.Id
                          orderby t.CreatedAt descending
                          select new { Token = t, Name = u.Email ?? u.UserName ?? u.Id }).ToListAsync(ct);
        return rows.Select(r => View(r.Token, r.Name)).ToList();
    }

    /// <summary>Revokes a token of the actor's own, or any token for an Admin; another user's token answers NotFound.</summary>
    public async Task<Result> RevokeAsync(Actor actor, Guid tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct);
        if (row is null || (row.UserId != actor.UserId && !actor.IsAdmin))
            return Result.Invalid(Result.GeneralKey, "This token does not exist.");
        if (row.RevokedAt is not null) return Result.Ok();
        row.RevokedAt = Now;
        row.RevokedBy = actor.UserName;
        audit.Add(db, actor, AuditActions.ApiTokenRevoked, nameof(ApiToken), row.Id.ToString(),
            row.UserId == actor.UserId ? $"Revoked the API token “{row.Name}”." : $"Revoked another user's API token “{row.Name}”.");
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>
    /// The active token presented, or null (unknown, revoked, expired, or its user disabled). Records the last use,
    /// at most once a minute, so a busy script does not write on every call.
    /// </summary>
    public async Task<ApiToken?> AuthenticateAsync(string presented, CancellationToken ct = default)
    {
        if (!presented.StartsWith(TokenPrefix, StringComparison.Ordinal) || presented.Length > 100) return null;
        var hash = Hash(presented);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        var now = Now;
        if (token is null || !token.IsActive(now)) return null;
        if (!await db.Users.AnyAsync(u => u.Id == token.UserId && u.DisabledAt == null, ct)) return null;
        if (token.LastUsedAt is null || now - token.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
            token.LastUsedAt = now;
        }
        return token;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiTokenView View(ApiToken t, string userName) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.RevokedBy, t.UserId, userName);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
