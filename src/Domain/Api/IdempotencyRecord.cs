namespace VideoHub.Domain.Api;

/// <summary>The stored answer of a creating API call, replayed when the same user sends the same Idempotency-Key again.</summary>
public class IdempotencyRecord
{
    public const int KeyMaxLength = 200;

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseBody { get; set; } = "";
    public string? Location { get; set; }
    public DateTime CreatedAt { get; set; }
}
