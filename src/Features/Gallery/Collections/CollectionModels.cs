namespace VideoHub.Features.Gallery.Collections;

public sealed record CollectionSummary(Guid Id, string Name, string OwnerName, bool IsMine, int VisibleTakes, DateTime UpdatedAt);

/// <summary>A board as one viewer sees it: only takes of projects they belong to, in board order.</summary>
public sealed record CollectionDetails(Guid Id, string Name, string OwnerName, bool IsMine, IReadOnlyList<GalleryCard> Takes, int HiddenTakes);
