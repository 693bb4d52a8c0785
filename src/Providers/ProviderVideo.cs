namespace VideoHub.Providers;

/// <summary>Where a provider's job is. <see cref="Unknown"/> keeps VideoHub working when a provider adds a status.</summary>
public enum ProviderVideoStatus { Queued, InProgress, Completed, Failed, Unknown }

/// <summary>A provider's render job as VideoHub sees it, independent of the wire format.</summary>
public sealed record ProviderVideo(
    string Id,
    string Model,
    ProviderVideoStatus Status,
    // The status as the provider wrote it (useful when it maps to Unknown).
    string RawStatus,
    int Progress,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    DateTime? ExpiresAt,
    string? Prompt,
    string Size,
    int Seconds,
    string? RemixedFromVideoId,
    ProviderVideoError? Error,
    // The provider's hint for the next poll (openai-poll-after-ms), when it gave one.
    TimeSpan? PollAfter = null)
{
    public bool IsTerminal => Status is ProviderVideoStatus.Completed or ProviderVideoStatus.Failed;
}

/// <summary>Why a job failed, in the provider's words; the code "moderation_blocked" means its policy refused it.</summary>
public sealed record ProviderVideoError(string? Code, string Message)
{
    public const string ModerationBlocked = "moderation_blocked";
    public bool IsPolicyRejection => Code == ModerationBlocked;
}

public sealed record ProviderVideoPage(IReadOnlyList<ProviderVideo> Videos, string? FirstId, string? LastId, bool HasMore);

public enum ListOrder { Desc, Asc }

/// <summary>One page of the provider's recent videos; <see cref="After"/> is the last id of the previous page.</summary>
public sealed record VideoListQuery(int Limit = 20, string? After = null, ListOrder Order = ListOrder.Desc);

public sealed record ProviderVideoDeleted(string Id, bool Deleted);

/// <summary>The downloadable files of a completed video.</summary>
public enum ContentVariant { Video, Thumbnail, Spritesheet }

/// <summary>What a download wrote to the destination stream.</summary>
public sealed record ContentDownload(long Bytes, string? ContentType);

public sealed record ProviderCharacter(string Id, string? Name, DateTime CreatedAt);
