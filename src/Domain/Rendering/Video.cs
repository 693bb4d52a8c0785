namespace VideoHub.Domain.Rendering;

public enum ReviewState { Pending, Approved, ChangesRequested, Rejected }

/// <summary>One take: a downloaded, verified render stored under internal ids only.</summary>
public class Video
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public Guid RenderRequestId { get; set; }
    public Guid? ParentVideoId { get; set; }
    /// <summary>The root take of this take's version stack (its own id for a fresh take); set when the take is made.</summary>
    public Guid StackId { get; set; }
    public RenderOperation Operation { get; set; }
    public string ProviderId { get; set; } = "";
    public string ProviderJobId { get; set; } = "";
    public string Model { get; set; } = "";
    public string Prompt { get; set; } = "";

    public string VideoKey { get; set; } = "";
    public string ThumbnailKey { get; set; } = "";
    public string SpritesheetKey { get; set; } = "";

    public double DurationSeconds { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public string? VideoCodec { get; set; }
    public string? AudioCodec { get; set; }
    public long Bytes { get; set; }
    public string Sha256 { get; set; } = "";

    public ReviewState ReviewState { get; set; } = ReviewState.Pending;
    public bool IsPicked { get; set; }
    public bool IsFavourite { get; set; }
    public DateTime CreatedAt { get; set; }
}
