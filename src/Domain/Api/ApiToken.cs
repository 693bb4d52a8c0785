namespace VideoHub.Domain.Api;

/// <summary>
/// A personal access token. Only the SHA-256 of the secret is stored; <see cref="Prefix"/> (the recognisable start
/// of the token) is kept so people can tell their tokens apart.
/// </summary>
public class ApiToken
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Lowercase hex SHA-256 of the whole token string.</summary>
    public string TokenHash { get; set; } = "";
    public string Prefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
