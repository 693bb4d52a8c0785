namespace VideoHub.Domain.Lineage;

/// <summary>
/// An ordered list of shots in a project. Rendering it makes a batch with one render request per shot; when every
/// shot has an approved take, the takes are joined into one sequence take.
/// </summary>
public class Storyboard
{
    public const int NameMaxLength = 120;
    public const int MaxShots = 50;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public string Name { get; set; } = "";
    public string ProviderId { get; set; } = "";
    public string Model { get; set; } = "";
    public string Size { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    /// <summary>The batch of its latest rendering; null until it is rendered.</summary>
    public Guid? BatchId { get; set; }
    /// <summary>The latest joined sequence take.</summary>
    public Guid? SequenceVideoId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<StoryboardShot> Shots { get; set; } = [];
}

/// <summary>One shot of a storyboard, rendered as its own request ("shot-N" in the batch).</summary>
public class StoryboardShot
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StoryboardId { get; set; }
    /// <summary>1-based position; rewritten on reorder.</summary>
    public int Position { get; set; }
    public string Prompt { get; set; } = "";
    public int Seconds { get; set; }
    public List<Guid> CatalogItemIds { get; set; } = [];
    /// <summary>Media storage key of an uploaded first-frame image.</summary>
    public string? ImageReferenceKey { get; set; }
    /// <summary>Start from the last frame of the previous shot's take (as its image reference).</summary>
    public bool ContinueFromPrevious { get; set; }
    /// <summary>The request of the latest rendering.</summary>
    public Guid? RenderRequestId { get; set; }
}

/// <summary>One take joined into a sequence take, in order: the sequence's lineage edges.</summary>
public class SequencePart
{
    public Guid SequenceVideoId { get; set; }
    public int Position { get; set; }
    public Guid SourceVideoId { get; set; }
}
