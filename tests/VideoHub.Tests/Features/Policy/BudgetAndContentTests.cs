using VideoHub.Domain.Policy;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Policy;

namespace VideoHub.Tests.Features.Policy;

public sealed class BudgetAndContentTests(PolicyCheckFixture app) : IClassFixture<PolicyCheckFixture>
{
    // sora-2-pro at 1920x1080 costs 0.70 a second: 8 seconds are 5.60.
    private static PolicyCheckInput Pro(BudgetInput budget, string prompt = "A lighthouse at dusk") =>
        new(prompt, "local", "sora-2-pro", RenderOperation.Create) { Size = "1920x1080", Seconds = 8, Budget = budget };

    [Fact]
    public async Task CostAboveTheRemainingBudget_IsBlocked_WithTheNumbers()
    {
        var result = await app.Check.CheckAsync(Pro(new BudgetInput(96m, 100m, null)));
        var f = Assert.Single(result.Findings);
        Assert.Equal(FindingCategory.Budget, f.Category);
        Assert.Equal(FindingSeverity.Block, f.Severity);
        Assert.Equal("This render is estimated at $5.60, but only $4.00 of the project's $100.00 monthly budget is left ($96.00 spent this month).", f.Message);
        Assert.True(result.IsBlocked);
        Assert.Equal(5.6m, result.EstimatedCost);
    }

    [Fact]
    public async Task CostWithinTheBudget_AndBelowTheThreshold_Passes()
    {
        var result = await app.Check.CheckAsync(Pro(new BudgetInput(10m, 100m, 6m)));
        Assert.Empty(result.Findings);
        Assert.False(result.NeedsApproval);
    }

    [Fact]
    public async Task CostAboveTheApprovalThreshold_WarnsThatAnOwnerMustApprove()
    {
        var result = await app.Check.CheckAsync(Pro(new BudgetInput(0m, 100m, 5m)));
        var f = Assert.Single(result.Findings);
        Assert.Equal(FindingCategory.Budget, f.Category);
        Assert.Equal(FindingSeverity.Warn, f.Severity);
        Assert.Contains("above the project's approval threshold of $5.00: it needs an Owner's approval", f.Message);
        Assert.True(result.NeedsApproval);
        Assert.False(result.IsBlocked);
    }

    [Fact]
    public async Task ZeroBudget_BlocksEveryPaidRender() =>
        Assert.True((await app.Check.CheckAsync(Pro(new BudgetInput(0m, 0m, null)))).IsBlocked);

    [Fact]
    public async Task FullCheck_IncludesContentFindings_WithSpansInTheOriginalPrompt()
    {
        const string prompt = "A duel: D4rth V@der versus a knight";
        var result = await app.Check.CheckAsync(Pro(new BudgetInput(0m, 100m, null), prompt));
        var f = Assert.Single(result.Findings);
        Assert.Equal(FindingCategory.CopyrightedCharacter, f.Category);
        Assert.Equal(FindingSeverity.Block, f.Severity);
        Assert.Equal("D4rth V@der", prompt.Substring(f.Span!.Value.Start, f.Span.Value.Length));
        Assert.Equal("D4rth V@der", f.MatchedText);
        Assert.NotNull(f.RuleId);
        Assert.Equal("Describe an original character instead: their look, clothes and personality.", f.SuggestedFix);
    }

    [Fact]
    public async Task OverlappingRules_GiveOneFindingForTheLongerMatch()
    {
        var findings = await app.Check.CheckContentAsync("Mickey Mouse waves");
        Assert.Equal("Mickey Mouse", Assert.Single(findings).MatchedText);
    }

    [Fact]
    public async Task WarnRule_GivesAWarning_NotABlock()
    {
        var f = Assert.Single(await app.Check.CheckContentAsync("framed like Wes Anderson would"));
        Assert.Equal(FindingSeverity.Warn, f.Severity);
        Assert.Equal(FindingCategory.RealPerson, f.Category);
    }
}
