using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Lineage.Storyboards;

public sealed record StoryboardSummary(Guid Id, string Name, int Shots, int TotalSeconds, bool Rendered, Guid? SequenceVideoId, DateTime CreatedAt);

/// <summary>A shot as the page shows it, with the state of its latest render and the take the sequence would use.</summary>
public sealed record ShotView(Guid Id, int Position, string Prompt, int Seconds, IReadOnlyList<Guid> CatalogItemIds, bool HasImage,
    bool ContinueFromPrevious, Guid? RequestId, RenderState? RequestState, Guid? VideoId, Guid? ApprovedVideoId);

public sealed record StoryboardView(Guid Id, Guid ProjectId, string Name, string ProviderId, string Model, string Size,
    Guid? BatchId, Guid? SequenceVideoId, IReadOnlyList<ShotView> Shots, IReadOnlyList<int> AllowedSeconds,
    IReadOnlyList<string> AllowedSizes, IReadOnlyList<CatalogChoice> Catalog)
{
    public int TotalSeconds => Shots.Sum(s => s.Seconds);
    public bool AllApproved => Shots.Count > 0 && Shots.All(s => s.ApprovedVideoId is not null);
}

public sealed record CatalogChoice(Guid Id, string Name);

/// <summary>What the shot form holds.</summary>
public sealed class ShotInput
{
    public string Prompt { get; set; } = "";
    public int Seconds { get; set; } = 4;
    public List<Guid> CatalogItemIds { get; set; } = [];
    public byte[]? ImageBytes { get; set; }
    public string? ImageContentType { get; set; }
    public string? ImageName { get; set; }
    public bool RemoveImage { get; set; }
    public bool ContinueFromPrevious { get; set; }
}

/// <summary>The outcome of a storyboard change: the id it made or a message for the page.</summary>
public sealed record StoryboardResult(bool Succeeded, string? Error, Guid? Id = null)
{
    public static StoryboardResult Ok(Guid? id = null) => new(true, null, id);
    public static StoryboardResult Fail(string error) => new(false, error);
    public static readonly StoryboardResult NotFound = Fail("This storyboard does not exist, or you do not have access to it.");
}
