using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Users;
using VideoHub.Features.Catalog.Components;
using VideoHub.Features.Requests.Pages;
using VideoHub.Tests.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Catalog;

/// <summary>The request form's @-mention box over the real catalog, pre-check and render service (bunit, real SQLite file).</summary>
public sealed class CatalogMentionFormTests : ProjectsTestBase
{
    // Generous: the whole suite runs test classes side by side on two cores.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private MudTestContext test = null!;
    private Actor ana = null!;
    private Guid projectId;
    private CatalogItem nova = null!;

    private NavigationManager Navigation => test.Bunit.Services.GetRequiredService<NavigationManager>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ana = await UserAsync("ana");
        projectId = await ProjectAsync(ana, "Pier Stories");
        nova = await CatalogSeeder.SeedAsync(Factory.Services, ana.UserId, "Nova", [1], [1]);
        await DbAsync(db =>
        {
            db.CatalogRegistrations.Add(new CatalogRegistration
            {
                CatalogItemVersionId = nova.CurrentVersionId!.Value, ProviderId = "local", UpdatedAt = DateTime.UtcNow,
                Status = CatalogRegistrationStatus.Registered, ProviderCharacterId = "char_nova",
            });
            return db.SaveChangesAsync();
        });
        test = new MudTestContext(Factory, ana.UserId, "ana");
    }

    public override async Task DisposeAsync()
    {
        await test.DisposeAsync();
        await base.DisposeAsync();
    }

    private IRenderedComponent<NewRequestPage> Render()
    {
        var cut = test.Bunit.Render<NewRequestPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#prompt", Wait);
        return cut;
    }

    /// <summary>Waits until the pre-check of <paramref name="prompt"/> has finished, so no render replaces what the test clicks next.</summary>
    private static void WaitForCheckOf(IRenderedComponent<NewRequestPage> cut, string prompt) =>
        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("#checking"));
            Assert.Contains(prompt, cut.Find("#prompt-preview").TextContent);
        }, Wait);

    /// <summary>Types then clicks Submit at once, inside the prompt field's pause before it passes the text on.</summary>
    private static async Task TypeAndSubmitAtOnceAsync(IRenderedComponent<NewRequestPage> cut, string prompt)
    {
        cut.Find("#prompt").Input(prompt);
        cut.Find("#prompt").Blur();
        // Found and clicked in one renderer turn: the form may re-render between the two otherwise.
        await cut.InvokeAsync(() => cut.Find("#submit-request").Click());
    }

    [Fact]
    public async Task MentionedItem_SubmittedStraightAfterTyping_CreatesTheRequestPinnedToTheItemsCurrentVersion()
    {
        var cut = Render();
        cut.Find("#prompt").Input("A wide shot of the pier at dawn as @No");
        WaitForCheckOf(cut, "as @No");
        cut.WaitForElement("[data-testid=mention-option][data-name=Nova]", Wait);
        cut.Find("[data-testid=mention-option][data-name=Nova]").Click();
        cut.WaitForElement("[data-testid=attached-item][data-name=Nova]", Wait);
        WaitForCheckOf(cut, "as Nova");

        await TypeAndSubmitAtOnceAsync(cut, "A wide shot of the pier at dawn as Nova walks slowly");

        cut.WaitForAssertion(() => Assert.Contains("/requests/", Navigation.Uri), Wait);
        var request = await DbAsync(db => db.RenderRequests.SingleAsync());
        Assert.Equal("A wide shot of the pier at dawn as Nova walks slowly", request.Prompt);
        var pin = await DbAsync(db => db.RenderRequestCatalogItems.SingleAsync());
        Assert.Equal((request.Id, nova.Id, nova.CurrentVersionId!.Value, "Nova", "char_nova"),
            (pin.RenderRequestId, pin.CatalogItemId, pin.CatalogItemVersionId, pin.Name, pin.ProviderCharacterId));

        // The request page lists the item version the render used.
        var pinned = test.Bunit.Render<PinnedCatalogItems>(p => p.Add(x => x.RequestId, request.Id));
        var chip = pinned.WaitForElement("[data-testid=pinned-item]", Wait);
        Assert.Equal(("Nova", "1"), (chip.GetAttribute("data-name"), chip.GetAttribute("data-version")));
        Assert.Contains("Nova · v1", chip.TextContent);
    }

    [Fact]
    public async Task LastKeystrokesNameAnItemWithoutAttachingIt_SubmitShowsWhy_AndCreatesNothing()
    {
        var cut = Render();
        cut.Find("#prompt").Input("A wide shot of the pier at dawn");
        WaitForCheckOf(cut, "A wide shot of the pier at dawn");
        Assert.False(cut.Find("#submit-request").HasAttribute("disabled"));

        await TypeAndSubmitAtOnceAsync(cut, "A wide shot of the pier at dawn as Nova walks");

        cut.WaitForAssertion(() => Assert.Contains("The pre-check found warnings", cut.Find("#form-error").TextContent), Wait);
        Assert.Contains("is not attached", cut.Find("[data-testid=finding]").TextContent);
        Assert.DoesNotContain("/requests/", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.RenderRequests.CountAsync()));
    }
}
