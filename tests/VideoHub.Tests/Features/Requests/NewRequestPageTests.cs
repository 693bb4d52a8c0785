using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Requests;
using VideoHub.Features.Requests.Pages;
using VideoHub.Tests.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Requests;

/// <summary>The request form rendered by bunit over the real pre-check, render service and SQLite file.</summary>
public sealed class NewRequestPageTests : ProjectsTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private MudTestContext test = null!;
    private Actor ana = null!;
    private Guid projectId;

    private Microsoft.AspNetCore.Components.NavigationManager Navigation =>
        test.Bunit.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ana = await UserAsync("ana");
        projectId = await ProjectAsync(ana, "Summer Trailer");
        test = new MudTestContext(Factory, ana.UserId, "ana");
    }

    public override async Task DisposeAsync()
    {
        await test.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public void BlockedPrompt_ShowsTheFinding_HighlightsTheWord_AndDisablesSubmit()
    {
        var cut = test.Bunit.Render<NewRequestPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#prompt", Wait);

        cut.Find("#prompt").Input("A parade where <b>Mickey Mouse</b> waves at the crowd");

        cut.WaitForAssertion(() => Assert.Contains("Copyrighted character", cut.Find("[data-testid=finding]").TextContent), Wait);
        var mark = cut.Find("#prompt-preview mark");
        Assert.Equal("Mickey Mouse", mark.TextContent);
        Assert.Contains("&lt;b&gt;", cut.Find("#prompt-preview").InnerHtml);
        Assert.Contains("Suggested fix:", cut.Find("[data-testid=finding]").TextContent);
        Assert.True(cut.Find("#submit-request").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ValidPrompt_Submits_AndCreatesAQueuedRequestWithTheProjectDefaults()
    {
        var cut = test.Bunit.Render<NewRequestPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#prompt", Wait);

        cut.Find("#prompt").Input("A lighthouse at dawn, slow dolly in, warm light");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#submit-request").HasAttribute("disabled")), Wait);
        Assert.Contains("$0.40", cut.Find("#estimate").TextContent);
        await cut.InvokeAsync(() => cut.Find("#submit-request").Click()); // found and clicked in one renderer turn

        cut.WaitForAssertion(() => Assert.Contains("/requests/", Navigation.Uri), Wait);
        var request = await DbAsync(db => db.RenderRequests.Include(r => r.Events).SingleAsync());
        Assert.Equal(("A lighthouse at dawn, slow dolly in, warm light", "sora-2", "1280x720", 4), (request.Prompt, request.Model, request.Size, request.Seconds));
        Assert.Equal(RenderState.Queued, request.Events.OrderBy(e => e.Id).First().To);
        Assert.Equal(ana.UserId, request.AuthorId);
    }

    [Fact]
    public async Task SubmitClickedRightAfterTyping_WaitsForThePreCheckOfWhatWasTyped_AndSubmitsIt()
    {
        var cut = test.Bunit.Render<NewRequestPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#prompt", Wait);
        cut.Find("#prompt").Input("A lighthouse at dawn");
        cut.WaitForAssertion(() => Assert.Contains("A lighthouse at dawn", cut.Find("#prompt-preview").TextContent), Wait);

        // Typing and clicking Submit at once: the field passes the text on only after its pause, so the click arrives
        // before the form has the last keystrokes.
        cut.Find("#prompt").Input("A lighthouse at dawn, slow dolly in");
        cut.Find("#prompt").Blur();
        Assert.False(cut.Find("#submit-request").HasAttribute("disabled"));
        await cut.InvokeAsync(() => cut.Find("#submit-request").Click()); // found and clicked in one renderer turn

        cut.WaitForAssertion(() => Assert.Contains("/requests/", Navigation.Uri), Wait);
        var request = await DbAsync(db => db.RenderRequests.SingleAsync());
        Assert.Equal("A lighthouse at dawn, slow dolly in", request.Prompt);
    }

    [Fact]
    public async Task PromptAboveTheApprovalThreshold_IsSubmittedForApproval()
    {
        Assert.True((await Projects.UpdateSettingsAsync(ana, projectId, new ProjectSettings
        {
            DefaultModel = "sora-2-pro", DefaultSize = "1920x1080", DefaultSeconds = 8, MonthlyBudgetUsd = 100, ApprovalThresholdUsd = 2,
        })).Succeeded);
        var cut = test.Bunit.Render<NewRequestPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#prompt", Wait);

        cut.Find("#prompt").Input("Orchard in autumn, aerial shot");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#submit-request").HasAttribute("disabled")), Wait);
        Assert.Contains("Submit for approval", cut.Find("#submit-request").TextContent);
        Assert.Contains("$5.60", cut.Find("#estimate").TextContent);
        await cut.InvokeAsync(() => cut.Find("#submit-request").Click()); // found and clicked in one renderer turn

        cut.WaitForAssertion(() => Assert.Contains("/requests/", Navigation.Uri), Wait);
        var request = await DbAsync(db => db.RenderRequests.SingleAsync());
        Assert.Equal((RenderState.AwaitingApproval, "sora-2-pro", "1920x1080", 8), (request.State, request.Model, request.Size, request.Seconds));
    }

    [Theory]
    [InlineData("1920x1080", 4, "sora-2 cannot render 1920x1080")]
    [InlineData("1280x720", 5, "sora-2 cannot render 5 seconds")]
    public async Task Submit_WithASizeOrLengthTheModelDoesNotOffer_IsRefusedAndChangesNothing(string size, int seconds, string message)
    {
        using var scope = Factory.Services.CreateScope();
        var forms = scope.ServiceProvider.GetRequiredService<RequestFormService>();

        var outcome = await forms.SubmitAsync(ana, projectId, new RequestFormInput
        {
            ProviderId = "local", Model = "sora-2", Size = size, Seconds = seconds, Prompt = "A quiet harbour",
        });

        Assert.False(outcome.Succeeded);
        Assert.Equal("The pre-check blocks this request; change it as the findings suggest.", outcome.Error);
        Assert.Contains(outcome.Check!.Findings, f => f.IsBlock && f.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(0, await DbAsync(db => db.RenderRequests.CountAsync()));
    }

    [Fact]
    public async Task Viewer_GetsNotFound_AndCannotSubmitThroughTheService()
    {
        var vi = await UserAsync("vi");
        await Projects.AddMemberAsync(ana, projectId, "vi@example.com", ProjectRole.Viewer);
        using var scope = Factory.Services.CreateScope();
        var forms = scope.ServiceProvider.GetRequiredService<RequestFormService>();

        Assert.Null(await forms.LoadAsync(vi, projectId));
        var outcome = await forms.SubmitAsync(vi, projectId, new RequestFormInput
        {
            ProviderId = "local", Model = "sora-2", Size = "1280x720", Seconds = 4, Prompt = "A quiet harbour",
        });
        Assert.False(outcome.Succeeded);
        Assert.Equal(0, await DbAsync(db => db.RenderRequests.CountAsync()));
    }
}
