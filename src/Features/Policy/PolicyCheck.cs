using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Providers;

namespace VideoHub.Features.Policy;

/// <summary>
/// The guardrail pre-check (DESIGN §4): one answer for capabilities of the chosen model, the content rules, the
/// image reference and the budget. Called as the user types (content only, <see cref="CheckContentAsync"/>) and
/// in full before anything is spent. Never throws for bad input: every problem is a finding.
/// </summary>
public sealed class PolicyCheck(IDbContextFactory<VideoHubDbContext> dbFactory, PolicyRuleCache rules, TimeProvider clock,
    ILogger<PolicyCheck> log)
{
    public async Task<PolicyCheckResult> CheckAsync(PolicyCheckInput input, CancellationToken ct = default)
    {
        var findings = new List<PolicyFinding>();
        var (provider, profile) = await LoadProfileAsync(input.ProviderId, input.Model, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attached = await CatalogCheck.LoadAsync(db, input, clock.GetUtcNow().UtcDateTime, ct);
        if (attached.Count > 0 && input.CharacterNames.Count == 0) input = input with { CharacterNames = attached.Select(a => a.Name).ToList() };
        var modelProblem = CapabilityCheck.ModelFindings(input, provider, profile);
        findings.AddRange(modelProblem);
        if (profile is not null && modelProblem.Count == 0)
            findings.AddRange(CapabilityCheck.Findings(input, profile));
        if (input.ImageReference is { } image)
            findings.AddRange(await ImageReferenceCheck.FindingsAsync(image, input.Size, ct));
        findings.AddRange(await CheckContentAsync(input.Prompt, ct));
        findings.AddRange(await CatalogCheck.FindingsAsync(db, input, attached,
            profile?.Supports(ProviderOperations.Characters) == true, ct));

        var cost = profile is not null && input.Size is { } size && input.Seconds is { } seconds
            ? profile.EstimateCost(size, seconds) : null;
        var needsApproval = false;
        if (input.Budget is { } budget && cost is { } c)
        {
            var (budgetFindings, approval) = BudgetCheck.Findings(c, budget);
            findings.AddRange(budgetFindings);
            needsApproval = approval;
        }
        return new PolicyCheckResult(findings, cost, needsApproval);
    }

    /// <summary>The content rules only, on the cached compiled rule set: cheap enough for every keystroke.</summary>
    public async Task<IReadOnlyList<PolicyFinding>> CheckContentAsync(string? prompt, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(prompt)) return [];
        var compiled = await rules.GetAsync(ct);
        return ContentCheck.Findings(compiled, prompt, log);
    }

    private async Task<(ProviderDefinition?, ProviderModelProfile?)> LoadProfileAsync(string providerId, string model, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var provider = await db.Providers.AsNoTracking().Include(p => p.Models)
            .FirstOrDefaultAsync(p => p.Id == providerId, ct);
        var profile = provider?.Models.FirstOrDefault(m => string.Equals(m.Model, model, StringComparison.Ordinal));
        return (provider, profile);
    }
}
