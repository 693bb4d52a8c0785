namespace VideoHub.Domain.Gallery;

/// <summary>
/// A user's board of takes, across projects. Its owner edits it; anyone who is a member of a project whose takes
/// it shows may open it, and sees only the takes of projects they belong to.
/// </summary>
public class Collection
{
    public const int NameMaxLength = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public string OwnerName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<CollectionItem> Items { get; set; } = [];
}

/// <summary>One take on a board; <see cref="Position"/> orders the board (0 first).</summary>
public class CollectionItem
{
    public Guid CollectionId { get; set; }
    public Guid VideoId { get; set; }
    public int Position { get; set; }
    public DateTime AddedAt { get; set; }
}
