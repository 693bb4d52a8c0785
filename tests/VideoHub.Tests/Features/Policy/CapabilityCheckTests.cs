using VideoHub.Domain.Policy;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Policy;

namespace VideoHub.Tests.Features.Policy;

public sealed class CapabilityCheckTests(PolicyCheckFixture app) : IClassFixture<PolicyCheckFixture>
{
    private const string Test = PolicyCheckFixture.ProviderId;

    private static PolicyCheckInput Basic(string prompt = "A lighthouse at dusk", RenderOperation op = RenderOperation.Create) =>
        new(prompt, Test, "basic", op) { Size = "1280x720", Seconds = 8 };

    private async Task<PolicyFinding> SingleCapabilityAsync(PolicyCheckInput input)
    {
        var result = await app.Check.CheckAsync(input);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCategory.Capability, finding.Category);
        Assert.Equal(FindingSeverity.Block, finding.Severity);
        Assert.True(result.IsBlocked);
        return finding;
    }

    [Fact]
    public async Task ValidRequest_HasNoFindings_AndItsCostIsEstimatedFromTheProfile()
    {
        var result = await app.Check.CheckAsync(new PolicyCheckInput("A lighthouse at dusk", "local", "sora-2", RenderOperation.Create)
        { Size = "1280x720", Seconds = 8 });
        Assert.Empty(result.Findings);
        Assert.False(result.IsBlocked);
        Assert.Equal(0.8m, result.EstimatedCost);
    }

    [Fact]
    public async Task UnknownProvider_IsBlocked() =>
        Assert.Contains("“nope” is not available", (await SingleCapabilityAsync(Basic() with { ProviderId = "nope" })).Message);

    [Fact]
    public async Task DisabledProvider_IsBlocked() =>
        Assert.Contains("not available", (await SingleCapabilityAsync(Basic() with { ProviderId = "policy-off" })).Message);

    [Fact]
    public async Task UnknownModel_IsBlocked_AndTheAvailableModelsAreNamed()
    {
        var f = await SingleCapabilityAsync(Basic() with { Model = "sora-9" });
        Assert.Equal("Policy Test has no model “sora-9”. Available: basic.", f.Message);
    }

    [Fact]
    public async Task DisabledModel_IsBlocked() =>
        Assert.Contains("retired of Policy Test is turned off", (await SingleCapabilityAsync(Basic() with { Model = "retired" })).Message);

    [Fact]
    public async Task UnsupportedOperation_IsBlocked() =>
        Assert.Equal("basic cannot remix videos.", (await SingleCapabilityAsync(Basic(op: RenderOperation.Remix))).Message);

    [Fact]
    public async Task SizeNotOffered_IsBlocked_AndTheAllowedSizesAreNamed()
    {
        var input = new PolicyCheckInput("A lighthouse", "local", "sora-2", RenderOperation.Create) { Size = "1920x1080", Seconds = 4 };
        var f = await SingleCapabilityAsync(input);
        Assert.Equal("sora-2 cannot render 1920x1080. Allowed sizes: 1280x720 and 720x1280.", f.Message);
    }

    [Fact]
    public async Task FullHd_IsAllowedOnTheProModel()
    {
        var input = new PolicyCheckInput("A lighthouse", "local", "sora-2-pro", RenderOperation.Create) { Size = "1920x1080", Seconds = 4 };
        var result = await app.Check.CheckAsync(input);
        Assert.Empty(result.Findings);
        Assert.Equal(2.8m, result.EstimatedCost);
    }

    [Fact]
    public async Task SecondsNotAllowed_IsBlocked_AndTheAllowedLengthsAreNamed() =>
        Assert.Equal("basic cannot render 10 seconds. Allowed lengths: 4 and 8 seconds.",
            (await SingleCapabilityAsync(Basic() with { Seconds = 10 })).Message);

    [Fact]
    public async Task EmptyPrompt_IsBlocked() =>
        Assert.Equal("Write a prompt: it cannot be empty.", (await SingleCapabilityAsync(Basic("   "))).Message);

    [Fact]
    public async Task TooLongPrompt_IsBlocked_WithBothLengths() =>
        Assert.Equal("The prompt has 61 characters; basic accepts at most 60.",
            (await SingleCapabilityAsync(Basic(new string('a', 61)))).Message);

    [Fact]
    public async Task TooManyCharacters_IsBlocked() =>
        Assert.Equal("2 characters are attached; at most 1 can appear in one render.",
            (await SingleCapabilityAsync(Basic() with { CharacterNames = ["Captain Ada", "Bob"] })).Message);

    [Fact]
    public async Task Extension_WithCharactersOrImage_IsBlocked()
    {
        var input = Basic(op: RenderOperation.Extend) with
        {
            CharacterNames = ["Captain Ada"],
            ImageReference = ImageReferenceInput.FromBytes(TestImages.Png(1280, 720), "image/png"),
            Chain = new ExtensionChainInput(0, 8),
        };
        var result = await app.Check.CheckAsync(input);
        Assert.Contains(result.Findings, f => f.Message.StartsWith("An extension cannot carry characters", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Message.StartsWith("An extension cannot have an image reference", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extension_BeyondMaxExtensions_IsBlocked() =>
        Assert.Equal("This would be extension 3 of the chain; basic allows at most 2.",
            (await SingleCapabilityAsync(Basic(op: RenderOperation.Extend) with { Seconds = 4, Chain = new ExtensionChainInput(2, 12) })).Message);

    [Fact]
    public async Task Extension_BeyondMaxChainSeconds_IsBlocked_AndSaysTheResultingTotal()
    {
        var f = await SingleCapabilityAsync(Basic(op: RenderOperation.Extend) with { Chain = new ExtensionChainInput(1, 16) });
        Assert.Equal("This extension would make the chain 24 seconds long; at most 20 seconds are allowed.", f.Message);
        Assert.Equal("Choose at most 4 seconds.", f.SuggestedFix);
    }

    [Fact]
    public async Task Extension_WithinLimits_Passes() =>
        Assert.Empty((await app.Check.CheckAsync(Basic(op: RenderOperation.Extend) with { Chain = new ExtensionChainInput(1, 8) })).Findings);
}
