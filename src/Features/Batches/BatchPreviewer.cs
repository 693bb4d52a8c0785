using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Policy;

namespace VideoHub.Features.Batches;

/// <summary>
/// Checks every row of a draft with the same pre-check as a single request (capabilities, content rules, image
/// reference), plus what only a batch has (catalog names, images in the zip, provider batch support), then the
/// budget and approval rules on the total of the rows that would run. Read-only: nothing is created here.
/// </summary>
public sealed class BatchPreviewer(IDbContextFactory<VideoHubDbContext> dbFactory, PolicyCheck policy)
{
    public async Task<BatchPreview> PreviewAsync(Guid projectId, BatchDraft draft, BudgetInput budget, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Settings).FirstOrDefaultAsync(ct)
            ?? new ProjectSettings();
        var providers = await db.Providers.AsNoTracking().Include(p => p.Models).Where(p => p.Enabled).ToListAsync(ct);
        var catalog = await CatalogNamesAsync(db, draft.Rows, ct);

        var rows = new List<PreviewRow>(draft.Rows.Count);
        foreach (var row in draft.Rows)
            rows.Add(await CheckRowAsync(row, draft, settings, providers, catalog, ct));

        var batchIssues = new List<RowIssue>();
        if (draft.Mode == BatchMode.Provider && rows.Where(r => !r.IsBlocked).Select(r => r.ProviderId).Distinct().Count() > 1)
            batchIssues.Add(new RowIssue(0, null, "provider", FindingSeverity.Block, "A provider batch goes to one provider; split the rows by provider or use direct mode."));
        var total = rows.Where(r => !r.IsBlocked).Sum(r => r.EstimatedCost ?? 0m);
        var (budgetFindings, needsApproval) = BudgetCheck.Findings(total, budget);
        batchIssues.AddRange(budgetFindings.Select(f => new RowIssue(0, null, "budget", f.Severity,
            f.Message.Replace("This render is", "This batch is", StringComparison.Ordinal))));
        return new BatchPreview(rows, draft.ParseIssues, batchIssues, total, needsApproval);
    }

    private async Task<PreviewRow> CheckRowAsync(BatchRowInput row, BatchDraft draft, ProjectSettings settings,
        List<ProviderDefinition> providers, Dictionary<string, bool> catalog, CancellationToken ct)
    {
        var model = row.Model ?? settings.DefaultModel;
        var provider = row.ProviderId is { } pid ? providers.FirstOrDefault(p => p.Id == pid)
            : providers.Where(p => p.Models.Any(m => m.Model == model && m.Enabled)).OrderByDescending(p => p.IsDefault).FirstOrDefault()
              ?? providers.FirstOrDefault(p => p.IsDefault);
        var providerId = provider?.Id ?? row.ProviderId ?? "";
        var size = row.Size ?? settings.DefaultSize;
        var seconds = row.Seconds ?? settings.DefaultSeconds;
        var issues = new List<RowIssue>();
        void Add(string field, FindingSeverity severity, string message) => issues.Add(new RowIssue(row.LineNumber, row.CustomId, field, severity, message));

        var profile = provider?.Models.FirstOrDefault(m => m.Model == model);
        if (provider is not null && profile is null)
            Add("model", FindingSeverity.Block, $"Unknown model “{model}”. {provider.Name} offers {string.Join(", ", provider.Models.Where(m => m.Enabled).Select(m => m.Model))}.");

        ImageReferenceInput? image = null;
        if (row.ImageFileName is { } imageName)
        {
            var bytes = draft.Images.Read(imageName);
            if (bytes is null) Add("image", FindingSeverity.Block, $"The image “{imageName}” is not in the images zip (or is larger than the limit).");
            else image = ImageReferenceInput.FromBytes(bytes, null);
            if (draft.Mode == BatchMode.Provider)
                Add("image", FindingSeverity.Block, "Image references run only in direct mode; choose direct mode or remove the image.");
        }
        foreach (var name in row.CatalogItems.Where(n => !catalog.TryGetValue(n, out var usable) || !usable))
            Add("catalog_items", FindingSeverity.Block, catalog.ContainsKey(name)
                ? $"The catalog item “{name}” is retired." : $"There is no catalog item named “{name}”.");
        if (draft.Mode == BatchMode.Provider && profile is not null && !profile.Supports(ProviderOperations.Batch))
            Add("mode", FindingSeverity.Block, $"{model} cannot run in a provider batch; choose direct mode.");

        var check = await policy.CheckAsync(new PolicyCheckInput(row.Prompt, providerId, model, RenderOperation.Create)
        {
            Size = size, Seconds = seconds, CharacterNames = row.CatalogItems, ImageReference = image,
        }, ct);
        foreach (var f in check.Findings.Where(f => !(profile is null && provider is not null && f.Category == FindingCategory.Capability && f.Message.Contains("has no model", StringComparison.Ordinal))))
            Add(FieldOf(f), f.Severity, f.Message);
        var cost = profile?.EstimateCost(size, seconds, batch: draft.Mode == BatchMode.Provider);
        return new PreviewRow(row, providerId, model, size, seconds, cost, issues);
    }

    private static async Task<Dictionary<string, bool>> CatalogNamesAsync(VideoHubDbContext db, IReadOnlyList<BatchRowInput> rows, CancellationToken ct)
    {
        var names = rows.SelectMany(r => r.CatalogItems).Select(n => n.ToUpperInvariant()).Distinct().ToList();
        if (names.Count == 0) return new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var found = await db.CatalogItems.AsNoTracking().Where(c => names.Contains(c.NormalizedName))
            .Select(c => new { c.Name, Usable = !c.IsRetired && c.CurrentVersionId != null }).ToListAsync(ct);
        return found.ToDictionary(c => c.Name, c => c.Usable, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Which field of the row a finding is about, so the preview can point at it.</summary>
    private static string FieldOf(PolicyFinding f) => f.Category switch
    {
        FindingCategory.ImageReference => "image",
        FindingCategory.Catalog => "catalog_items",
        FindingCategory.Budget => "budget",
        FindingCategory.Provider => "provider",
        FindingCategory.Capability when f.Message.Contains("seconds", StringComparison.OrdinalIgnoreCase) || f.Message.Contains("length", StringComparison.OrdinalIgnoreCase) => "seconds",
        FindingCategory.Capability when f.Message.Contains("size", StringComparison.OrdinalIgnoreCase) || f.Message.Contains(" render ", StringComparison.Ordinal) => "size",
        FindingCategory.Capability when f.Message.Contains("prompt", StringComparison.OrdinalIgnoreCase) => "prompt",
        FindingCategory.Capability when f.Message.Contains("provider", StringComparison.OrdinalIgnoreCase) => "provider",
        FindingCategory.Capability => "model",
        _ => "prompt",
    };
}
