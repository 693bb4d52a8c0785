using System.ComponentModel.DataAnnotations;
using VideoHub.Media;

namespace VideoHub.Features.Gallery.Sharing;

public sealed class ShareLinkInput
{
    public const int MaxDays = 90;

    [StringLength(Domain.Gallery.ShareLink.LabelMaxLength)]
    public string Label { get; set; } = "";
    [Range(1, MaxDays)]
    public int ExpiresInDays { get; set; } = 7;
    /// <summary>Optional; empty means anyone with the link may view.</summary>
    public string? Password { get; set; }
}

/// <summary>A link just made: the only time its URL exists outside the recipient's hands.</summary>
public sealed record CreatedShareLink(Guid Id, string Token)
{
    public string Path => $"/share/{Token}";
}

public sealed record ShareLinkRow(Guid Id, string Label, Guid? VideoId, Guid? CollectionId, string CreatedByName, DateTime CreatedAt,
    DateTime ExpiresAt, DateTime? RevokedAt, bool HasPassword, int OpenCount, DateTime? LastOpenedAt)
{
    public string Status(DateTime now) => RevokedAt is not null ? "Revoked" : ExpiresAt <= now ? "Expired" : "Active";
}

/// <summary>What a share page may show: nothing but the link's own takes, and none of them while the password is pending.</summary>
public sealed record ShareView(Guid LinkId, string Label, DateTime ExpiresAt, bool NeedsPassword, bool IsCollection,
    string Title, IReadOnlyList<MediaTake> Takes);

public enum UnlockOutcome { Unlocked, WrongPassword, TooManyAttempts, NotFound }

public sealed record UnlockResult(UnlockOutcome Outcome, string? CookieValue = null);
