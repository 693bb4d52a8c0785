namespace VideoHub.Domain.Gallery;

/// <summary>
/// A view-only public link to one take or one collection. Only a hash of the token is stored, so the URL is
/// shown once, when the link is made. Expiry, password and revocation hold for the page, every variant and the
/// metadata.
/// </summary>
public class ShareLink
{
    public const int LabelMaxLength = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>SHA-256 (hex) of the token in the URL.</summary>
    public string TokenHash { get; set; } = "";
    /// <summary>The take's project for a take link; null for a collection link (its takes span projects).</summary>
    public Guid? ProjectId { get; set; }
    public Guid? VideoId { get; set; }
    public Guid? CollectionId { get; set; }
    public string Label { get; set; } = "";

    /// <summary>ASP.NET Core Identity's PasswordHasher output; null when the link has no password.</summary>
    public string? PasswordHash { get; set; }

    public string CreatedById { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public int OpenCount { get; set; }
    public DateTime? LastOpenedAt { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;
}
