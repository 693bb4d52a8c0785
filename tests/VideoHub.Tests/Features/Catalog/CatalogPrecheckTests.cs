using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace VideoHub.Tests.Features.Catalog;

/// <summary>The catalog findings of the pre-check, against the local provider's sora-2 profile (at most 2 characters).</summary>
public sealed class CatalogPrecheckTests : CatalogTestBase
{
    private PolicyCheck Check => App.Services.GetRequiredService<PolicyCheck>();

    private async Task<CatalogItem> ItemAsync(string name, bool registered = true, Action<CatalogItem>? configure = null)
    {
        var item = await CatalogSeeder.SeedAsync(App.Services, Editor.UserId, name, [1], [1], configure);
        await DbAsync(async db =>
        {
            db.CatalogRegistrations.Add(new CatalogRegistration
            {
                CatalogItemVersionId = item.CurrentVersionId!.Value, ProviderId = "local", UpdatedAt = DateTime.UtcNow,
                Status = registered ? CatalogRegistrationStatus.Registered : CatalogRegistrationStatus.Pending,
                ProviderCharacterId = registered ? "char_" + name : null,
            });
            return await db.SaveChangesAsync();
        });
        return item;
    }

    private Task<PolicyCheckResult> RunAsync(string prompt, params Guid[] items) =>
        RunAsync(prompt, RenderOperation.Create, items);

    private Task<PolicyCheckResult> RunAsync(string prompt, RenderOperation operation, params Guid[] items) =>
        Check.CheckAsync(new PolicyCheckInput(prompt, "local", "sora-2", operation)
        {
            Size = "1280x720", Seconds = 4, ProjectId = ProjectId, CatalogItemIds = items,
            Chain = operation == RenderOperation.Extend ? new ExtensionChainInput(0, 4) : null,
        });

    [Fact]
    public async Task AttachedRegisteredItemNamedInThePrompt_HasNoFindings()
    {
        var nova = await ItemAsync("Nova");
        Assert.Empty((await RunAsync("Nova walks along the harbour", nova.Id)).Findings);
    }

    [Fact]
    public async Task CatalogNameWithoutTheItem_IsFlaggedWithItsSpan()
    {
        await ItemAsync("Nova");
        var finding = Assert.Single((await RunAsync("A slow shot of nova on the pier")).Findings);
        Assert.Equal((FindingCategory.Catalog, FindingSeverity.Warn), (finding.Category, finding.Severity));
        Assert.Equal(new TextSpan(15, 4), finding.Span);
        Assert.Contains("@Nova", finding.SuggestedFix);
        Assert.Empty((await RunAsync("Supernova light over the pier")).Findings);
    }

    [Fact]
    public async Task AttachedItemMissingFromThePrompt_IsFlagged()
    {
        var nova = await ItemAsync("Nova");
        var finding = Assert.Single((await RunAsync("A robot walks along the harbour", nova.Id)).Findings);
        Assert.Contains("the prompt does not name it", finding.Message);
        Assert.Equal(FindingCategory.Catalog, finding.Category);
    }

    [Fact]
    public async Task ExpiredRights_AndRightsNotCoveringTheProject_Block()
    {
        var expired = await ItemAsync("Nimbus", configure: i => i.RightsExpireAt = DateTime.UtcNow.Date.AddDays(-1));
        var elsewhere = await ProjectAsync(Editor, "Elsewhere");
        var restricted = await ItemAsync("Nell", configure: i =>
        {
            i.AvailableToAllProjects = false;
            i.AllowedProjects.Add(new CatalogItemProject { CatalogItemId = i.Id, ProjectId = elsewhere });
        });
        var result = await RunAsync("Nimbus meets Nell at dawn", expired.Id, restricted.Id);
        Assert.True(result.IsBlocked);
        Assert.Contains(result.Findings, f => f.IsBlock && f.Message.Contains("The rights to “Nimbus” expired"));
        Assert.Contains(result.Findings, f => f.IsBlock && f.Message.Contains("The rights to “Nell” do not cover this project"));
    }

    [Fact]
    public async Task ItemNotRegisteredWithTheProvider_Blocks()
    {
        var nova = await ItemAsync("Nova", registered: false);
        var finding = Assert.Single((await RunAsync("Nova on the pier", nova.Id)).Findings);
        Assert.True(finding.IsBlock);
        Assert.Contains("still being registered", finding.Message);
    }

    [Fact]
    public async Task MoreItemsThanTheProfileAllows_Blocks()
    {
        var a = await ItemAsync("Ada");
        var b = await ItemAsync("Bo");
        var c = await ItemAsync("Cy");
        var result = await RunAsync("Ada, Bo and Cy on the pier", a.Id, b.Id, c.Id);
        var finding = Assert.Single(result.Findings);
        Assert.Contains("3 characters are attached; at most 2", finding.Message);
        Assert.True(finding.IsBlock);
    }

    [Fact]
    public async Task ItemsInAnExtension_Block()
    {
        var nova = await ItemAsync("Nova");
        var result = await RunAsync("Nova keeps walking", RenderOperation.Extend, nova.Id);
        Assert.Contains(result.Findings, f => f.IsBlock && f.Message.Contains("An extension cannot carry characters"));
    }
}
