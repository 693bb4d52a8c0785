using Bunit;
using MudBlazor;
using VideoHub.Domain.Users;
using VideoHub.Features.Policy.Admin;
using VideoHub.Tests.Infrastructure;
using static VideoHub.Tests.Features.Admin.AdminTestExtensions;

namespace VideoHub.Tests.Features.Policy;

/// <summary>The content rules page rendered by bunit over the real services and the seeded rules.</summary>
public sealed class PolicyPageTests(VideoHubFactory factory) : IClassFixture<VideoHubFactory>
{
    private async Task<MudTestContext> AdminContextAsync()
    {
        var admin = await factory.CreateUserAsync(UniqueEmail("admin"), admin: true);
        var test = new MudTestContext(factory, admin.Id, admin.Email!, Roles.Admin);
        test.Bunit.Render<MudPopoverProvider>();
        return test;
    }

    [Fact]
    public async Task TryPrompt_HighlightsEachMatchInTheTypedText_AndListsTheFindings()
    {
        await using var test = await AdminContextAsync();
        var cut = test.Bunit.Render<TryPromptBox>();
        const string prompt = "M1ck3y dances with a robot in the style of Wes Anderson.";

        cut.Find("textarea#try-prompt-text").Input(prompt);
        cut.Find("#try-prompt-check").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=highlight]").Count));
        var marks = cut.FindAll("[data-testid=highlight]");
        Assert.Equal("M1ck3y", marks[0].TextContent);
        Assert.Equal("Block", marks[0].GetAttribute("data-severity"));
        Assert.Contains("vh-mark-block", marks[0].ClassName);
        Assert.Equal("Wes Anderson", marks[1].TextContent);
        Assert.Equal("Warn", marks[1].GetAttribute("data-severity"));
        Assert.Equal(prompt, cut.Find("[data-testid=highlighted-prompt]").TextContent);
        var findings = cut.FindAll("[data-testid=finding]");
        Assert.Equal(2, findings.Count);
        Assert.Contains("“M1ck3y” is a copyrighted character or franchise.", findings[0].TextContent);
        Assert.Contains("Describe an original character instead", findings[0].TextContent);
    }

    [Fact]
    public async Task TryPrompt_InnocentText_SaysNothingMatches()
    {
        await using var test = await AdminContextAsync();
        var cut = test.Bunit.Render<TryPromptBox>();

        cut.Find("textarea#try-prompt-text").Input("A class of students walks past Scunthorpe station.");
        cut.Find("#try-prompt-check").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#try-prompt-clear")));
        Assert.Empty(cut.FindAll("[data-testid=highlight]"));
    }

    [Fact]
    public async Task Page_ListsTheSeededRules_AndFiltersBySearch()
    {
        await using var test = await AdminContextAsync();
        var cut = test.Bunit.Render<PolicyPage>();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("[data-testid=rule-pattern]").Count));

        cut.Find("input#rule-search").Input("pikach");
        cut.WaitForAssertion(() => Assert.Equal("Pikachu", Assert.Single(cut.FindAll("[data-testid=rule-pattern]")).TextContent.Trim()), TimeSpan.FromSeconds(5));
    }
}
