using System.Globalization;
using VideoHub.Domain.Policy;

namespace VideoHub.Features.Policy;

/// <summary>The estimated cost against what is left of the project's monthly budget and its approval threshold.</summary>
public static class BudgetCheck
{
    public static (List<PolicyFinding> Findings, bool NeedsApproval) Findings(decimal cost, BudgetInput budget)
    {
        var findings = new List<PolicyFinding>();
        var remaining = Math.Max(0, budget.MonthlyBudget - budget.MonthToDateSpend);
        if (cost > remaining)
            findings.Add(PolicyFinding.Block(FindingCategory.Budget,
                $"This render is estimated at {Usd(cost)}, but only {Usd(remaining)} of the project's {Usd(budget.MonthlyBudget)} monthly budget is left ({Usd(budget.MonthToDateSpend)} spent this month).",
                "Choose a shorter or smaller render, or ask an Owner to raise the budget."));
        var needsApproval = budget.ApprovalThreshold is { } t && cost > t;
        if (needsApproval)
            findings.Add(PolicyFinding.Warn(FindingCategory.Budget,
                $"This render is estimated at {Usd(cost)}, above the project's approval threshold of {Usd(budget.ApprovalThreshold!.Value)}: it needs an Owner's approval before it is sent.",
                "Submit it for approval, or choose a shorter or smaller render."));
        return (findings, needsApproval);
    }

    public static string Usd(decimal amount) => "$" + amount.ToString("N2", CultureInfo.InvariantCulture);
}
