using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Lineage;

/// <summary>One take in a lineage view. <see cref="SourceIds"/> are the takes a sequence was joined from.</summary>
public sealed record LineageNode(Guid Id, Guid? ParentId, RenderOperation Operation, ReviewState ReviewState,
    double DurationSeconds, int Width, int Height, string Prompt, DateTime CreatedAt, IReadOnlyList<Guid> SourceIds)
{
    public IEnumerable<Guid> Parents => ParentId is { } p ? [p, .. SourceIds] : SourceIds;
}

/// <summary>
/// The family of a take (ancestors and descendants), the take itself, and its extension chain: how many extensions
/// lead to it and how long it is, against the model's limits.
/// </summary>
public sealed record LineageTree(Guid ProjectId, Guid CurrentId, IReadOnlyList<LineageNode> Nodes, int ExtensionCount,
    double ChainSeconds, int MaxExtensions, int MaxChainSeconds)
{
    public LineageNode Current => Nodes.First(n => n.Id == CurrentId);

    /// <summary>Children shown nested under a node: takes with exactly this one parent in the family.</summary>
    public IEnumerable<LineageNode> ChildrenOf(Guid id) =>
        Nodes.Where(n => n.ParentId == id && n.SourceIds.Count == 0).OrderBy(n => n.CreatedAt);

    /// <summary>Where the tree starts: takes with no parent in the family, and sequences (joined from several).</summary>
    public IEnumerable<LineageNode> Roots =>
        Nodes.Where(n => n.SourceIds.Count > 0 || n.ParentId is null || Nodes.All(o => o.Id != n.ParentId)).OrderBy(n => n.CreatedAt);
}
