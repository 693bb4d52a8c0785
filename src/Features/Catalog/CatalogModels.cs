using VideoHub.Domain.Catalog;
using VideoHub.Features.Catalog.Clips;

namespace VideoHub.Features.Catalog;

/// <summary>The outcome of a catalog change: a value, or a message (keyed by the form field it belongs to).</summary>
public sealed record CatalogResult<T>(T? Value, string? Error, string? Field = null, bool NotFound = false)
{
    public bool Succeeded => Error is null && !NotFound;
    public static CatalogResult<T> Ok(T value) => new(value, null);
    public static CatalogResult<T> Invalid(string error, string? field = null) => new(default, error, field);
    public static CatalogResult<T> Missing() => new(default, "This catalog item does not exist.", null, true);
}

/// <summary>Filters of the catalog grid; all optional.</summary>
public sealed record CatalogQuery
{
    public string? Search { get; init; }
    public CatalogItemKind? Kind { get; init; }
    public string? Tag { get; init; }
    /// <summary>Only items a render in this project may use now (rights cover it and have not expired).</summary>
    public Guid? AvailableTo { get; init; }
    public RightsStatus? Rights { get; init; }
    public bool IncludeRetired { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 24;
}

public sealed record CatalogCard(Guid Id, string Name, CatalogItemKind Kind, IReadOnlyList<string> Tags, RightsStatus Rights,
    DateTime? RightsExpireAt, bool IsRetired, Guid? CurrentVersionId, int VersionNumber, int UsageCount);

public sealed record CatalogListPage(IReadOnlyList<CatalogCard> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The editable description of an item (anyone who may edit).</summary>
public sealed class CatalogItemInput
{
    public string Name { get; set; } = "";
    public CatalogItemKind Kind { get; set; } = CatalogItemKind.Character;
    public string Description { get; set; } = "";
    public List<string> Tags { get; set; } = [];
}

/// <summary>The rights record (the item's owner or an Admin).</summary>
public sealed class CatalogRightsInput
{
    public string RightsHolder { get; set; } = "";
    public string LicenceNote { get; set; } = "";
    public DateTime? RightsExpireAt { get; set; }
    public bool AvailableToAllProjects { get; set; } = true;
    public List<Guid> AllowedProjectIds { get; set; } = [];
}

public sealed record CatalogVersionView(Guid Id, int Number, double DurationSeconds, int Width, int Height, long Bytes,
    string CreatedBy, DateTime CreatedAt, bool IsCurrent, IReadOnlyList<CatalogRegistrationView> Registrations);

public sealed record CatalogRegistrationView(Guid Id, string ProviderId, string ProviderName, CatalogRegistrationStatus Status,
    string? CharacterId, string? Error, int Attempts, DateTime? NextAttemptAt, DateTime UpdatedAt);

/// <summary>A render that used the item, with the version it pinned.</summary>
public sealed record CatalogUsageView(Guid RequestId, Guid ProjectId, string ProjectName, string Prompt, int VersionNumber,
    string State, Guid? VideoId, DateTime CreatedAt);

public sealed record CatalogRightsChangeView(DateTime At, string ByName, string Summary, string? Before, string After);

public sealed record ProjectOption(Guid Id, string Name);

public sealed record CatalogItemDetails(
    Guid Id, string Name, CatalogItemKind Kind, string Description, IReadOnlyList<string> Tags,
    string OwnerId, string OwnerName, string RightsHolder, string LicenceNote, DateTime? RightsExpireAt, RightsStatus Rights,
    bool AvailableToAllProjects, IReadOnlyList<ProjectOption> AllowedProjects,
    bool IsRetired, DateTime? RetiredAt, int UsageCount, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<CatalogVersionView> Versions, IReadOnlyList<CatalogUsageView> Usage, int HiddenUsage,
    IReadOnlyList<CatalogRightsChangeView> RightsHistory,
    bool CanEdit, bool CanChangeRights)
{
    public CatalogVersionView? Current => Versions.FirstOrDefault(v => v.IsCurrent);
}

/// <summary>An item the request form can attach (the @-mention suggestions).</summary>
public sealed record CatalogSuggestion(Guid Id, string Name, CatalogItemKind Kind, Guid? VersionId, RightsStatus Rights);

/// <summary>Everything needed to create an item: its description, rights and a staged clip.</summary>
public sealed record NewCatalogItem(CatalogItemInput Item, CatalogRightsInput Rights, Guid ClipToken);

internal static class ClipChecks
{
    public static string? NotReady(StagedClip clip) => clip.WithinGuidance ? null
        : "The clip is outside the provider guidance: " + string.Join(" ", clip.Issues.Select(i => i.Message)) + " Apply the fix or upload another clip.";
}
