using VideoHub.Domain.Catalog;
using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Catalog;

namespace VideoHub.Features.Api.Endpoints;

public sealed record ApiCatalogCard(Guid Id, string Name, CatalogItemKind Kind, IReadOnlyList<string> Tags, RightsStatus Rights,
    DateTime? RightsExpireAt, bool IsRetired, int CurrentVersion, int UsageCount, string Url)
{
    public static ApiCatalogCard From(CatalogCard c) => new(c.Id, c.Name, c.Kind, c.Tags, c.Rights, c.RightsExpireAt, c.IsRetired,
        c.VersionNumber, c.UsageCount, $"/api/v1/catalog/items/{c.Id}");
}

public sealed record ApiCatalogPage(IReadOnlyList<ApiCatalogCard> Items, int Total, int Page, int PageSize, int PageCount);

public sealed record ApiCatalogRegistration(string ProviderId, CatalogRegistrationStatus Status, string? CharacterId, string? Error);

public sealed record ApiCatalogVersion(Guid Id, int Number, double DurationSeconds, int Width, int Height, long Bytes, string CreatedBy,
    DateTime CreatedAt, bool IsCurrent, IReadOnlyList<ApiCatalogRegistration> Registrations);

public sealed record ApiCatalogItem(Guid Id, string Name, CatalogItemKind Kind, string Description, IReadOnlyList<string> Tags,
    string OwnerName, string RightsHolder, string LicenceNote, DateTime? RightsExpireAt, RightsStatus Rights, bool AvailableToAllProjects,
    IReadOnlyList<Guid> AllowedProjectIds, bool IsRetired, int UsageCount, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<ApiCatalogVersion> Versions)
{
    public static ApiCatalogItem From(CatalogItemDetails d) => new(d.Id, d.Name, d.Kind, d.Description, d.Tags, d.OwnerName,
        d.RightsHolder, d.LicenceNote, d.RightsExpireAt, d.Rights, d.AvailableToAllProjects, d.AllowedProjects.Select(p => p.Id).ToList(),
        d.IsRetired, d.UsageCount, d.CreatedAt, d.UpdatedAt,
        d.Versions.Select(v => new ApiCatalogVersion(v.Id, v.Number, v.DurationSeconds, v.Width, v.Height, v.Bytes, v.CreatedBy, v.CreatedAt,
            v.IsCurrent, v.Registrations.Select(r => new ApiCatalogRegistration(r.ProviderId, r.Status, r.CharacterId, r.Error)).ToList())).ToList());
}

/// <summary>/api/v1/catalog/items: the shared catalog as every signed-in user reads it (list, search, one item with its versions).</summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var catalog = api.MapGroup("/catalog/items").WithTags("Catalog");

        api.MapGet("/catalog/items", async (ApiCaller caller, CatalogService service, string? q, CatalogItemKind? kind, string? tag,
            Guid? availableTo, RightsStatus? rights, bool? includeRetired, int? page, int? pageSize, CancellationToken ct) =>
        {
            var list = await service.ListAsync(caller.Require(), new CatalogQuery
            {
                Search = q, Kind = kind, Tag = tag, AvailableTo = availableTo, Rights = rights, IncludeRetired = includeRetired ?? false,
                Page = page ?? 1, PageSize = pageSize ?? 24,
            }, ct);
            return TypedResults.Ok(new ApiCatalogPage(list.Items.Select(ApiCatalogCard.From).ToList(), list.Total, list.Page, list.PageSize,
                list.PageCount));
        }).WithTags("Catalog").WithName("ListCatalogItems")
            .WithSummary("Catalog items by name: q searches name, description and tags; kind, tag, rights, availableTo (usable in that project now), includeRetired; page and pageSize (1–100).")
            .Produces<ApiCatalogPage>();

        catalog.MapGet("/{itemId:guid}", async Task<IResult> (Guid itemId, ApiCaller caller, CatalogService service, CancellationToken ct) =>
            await service.GetAsync(caller.Require(), itemId, ct) is { } item ? TypedResults.Ok(ApiCatalogItem.From(item)) : ApiProblems.NotFound())
            .WithName("GetCatalogItem").WithSummary("One catalog item with its rights and every version (newest first) with its provider registrations.")
            .Produces<ApiCatalogItem>().ProducesProblem(404);
        return api;
    }
}
