using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Policy;

namespace VideoHub.Features.Policy;

/// <summary>
/// The catalog part of the pre-check (DESIGN §4): a catalog name written without attaching the item, an attached item
/// the prompt does not name, rights that expired or do not cover the project, and an item the chosen provider does
/// not know yet. Too many items, and items on an extension, come from <see cref="CapabilityCheck"/> with the names
/// this check fills in.
/// </summary>
public static class CatalogCheck
{
    private const FindingCategory Category = FindingCategory.Catalog;

    /// <summary>The attached items as the check sees them.</summary>
    public sealed record Attached(Guid Id, string Name, bool IsRetired, bool CoversProject, RightsStatus Rights,
        DateTime? RightsExpireAt, CatalogRegistrationStatus? Registration, string? RegistrationError);

    public static async Task<IReadOnlyList<Attached>> LoadAsync(VideoHubDbContext db, PolicyCheckInput input, DateTime now, CancellationToken ct)
    {
        if (input.CatalogItemIds.Count == 0) return [];
        var ids = input.CatalogItemIds.Distinct().ToList();
        var items = await db.CatalogItems.AsNoTracking().Include(i => i.AllowedProjects).Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var versions = items.Where(i => i.CurrentVersionId != null).Select(i => i.CurrentVersionId!.Value).ToList();
        var registrations = await db.CatalogRegistrations.AsNoTracking()
            .Where(r => versions.Contains(r.CatalogItemVersionId) && r.ProviderId == input.ProviderId)
            .ToDictionaryAsync(r => r.CatalogItemVersionId, ct);
        return ids.Select(id => items.FirstOrDefault(i => i.Id == id)).OfType<CatalogItem>().Select(i =>
        {
            var reg = i.CurrentVersionId is { } v ? registrations.GetValueOrDefault(v) : null;
            return new Attached(i.Id, i.Name, i.IsRetired, input.ProjectId is { } p && CatalogRules.CoversProject(i, p),
                CatalogRules.StatusAt(i.RightsExpireAt, now), i.RightsExpireAt, reg?.Status, reg?.Error);
        }).ToList();
    }

    public static async Task<List<PolicyFinding>> FindingsAsync(VideoHubDbContext db, PolicyCheckInput input,
        IReadOnlyList<Attached> attached, bool providerTakesCharacters, CancellationToken ct)
    {
        var findings = new List<PolicyFinding>();
        var prompt = input.Prompt ?? "";
        foreach (var missing in input.CatalogItemIds.Distinct().Where(id => attached.All(a => a.Id != id)))
            findings.Add(PolicyFinding.Block(Category, "An attached catalog item no longer exists.", "Remove it from the request."));

        foreach (var item in attached)
        {
            if (CatalogRules.FindName(prompt, item.Name) is null)
                findings.Add(PolicyFinding.Warn(Category, $"“{item.Name}” is attached but the prompt does not name it; providers only place a character the prompt names.",
                    $"Write “{item.Name}” into the prompt, or remove the item."));
            if (item.IsRetired)
                findings.Add(PolicyFinding.Block(Category, $"“{item.Name}” has been retired from the catalog.", "Remove it and choose another item."));
            if (item.Rights == RightsStatus.Expired)
                findings.Add(PolicyFinding.Block(Category, $"The rights to “{item.Name}” expired on {item.RightsExpireAt:yyyy-MM-dd}.",
                    "Remove the item, or ask its owner to renew the rights."));
            if (!item.CoversProject)
                findings.Add(PolicyFinding.Block(Category, $"The rights to “{item.Name}” do not cover this project.",
                    "Remove the item, or ask its owner to make it available to this project."));
            if (providerTakesCharacters && input.Operation != Domain.Rendering.RenderOperation.Extend)
                RegistrationFinding(item, findings);
        }

        if (!string.IsNullOrWhiteSpace(prompt))
        {
            var attachedIds = attached.Select(a => a.Id).ToHashSet();
            var names = await db.CatalogItems.AsNoTracking().Where(i => !i.IsRetired).Select(i => new { i.Id, i.Name }).ToListAsync(ct);
            foreach (var named in names.Where(n => !attachedIds.Contains(n.Id)))
            {
                if (CatalogRules.FindName(prompt, named.Name) is not { } span) continue;
                findings.Add(PolicyFinding.Warn(Category, $"“{named.Name}” is a catalog item, but it is not attached to this request.",
                    $"Type @{named.Name} and choose it to attach it, or reword the prompt.")
                    with { Span = new TextSpan(span.Start, span.Length), MatchedText = prompt.Substring(span.Start, span.Length) });
            }
        }
        return findings;
    }

    private static void RegistrationFinding(Attached item, List<PolicyFinding> findings)
    {
        switch (item.Registration)
        {
            case CatalogRegistrationStatus.Registered:
                return;
            case CatalogRegistrationStatus.Pending:
                findings.Add(PolicyFinding.Block(Category, $"“{item.Name}” is still being registered with this provider.",
                    "Wait a moment and check again, or choose another provider."));
                return;
            case CatalogRegistrationStatus.Failed:
                findings.Add(PolicyFinding.Block(Category, $"“{item.Name}” could not be registered with this provider: {item.RegistrationError}",
                    "Retry the registration on the item's catalog page, or choose another provider."));
                return;
            default:
                findings.Add(PolicyFinding.Block(Category, $"“{item.Name}” is not registered with this provider.",
                    "Wait for the registration to run, or choose another provider."));
                return;
        }
    }
}
