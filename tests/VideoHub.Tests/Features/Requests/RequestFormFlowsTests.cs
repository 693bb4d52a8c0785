using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Rendering;
using VideoHub.Features.Requests;
using VideoHub.Features.Requests.Pages;
using VideoHub.Media;
using VideoHub.Tests.Features.Policy;
using VideoHub.Tests.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Requests;

/// <summary>
/// The request form's paths beyond a clean submit, through bunit over the real services and SQLite file: blocked
/// submissions, warnings that need a reason, admin overrides, and duplicates that keep the image reference.
/// </summary>
public sealed class RequestFormFlowsTests : ProjectsTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private MudTestContext test = null!;
    private Actor ana = null!;
    private Guid projectId;

    private NavigationManager Navigation => test.Bunit.Services.GetRequiredService<NavigationManager>();

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

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static RequestFormInput Input(string prompt, byte[]? image = null) => new()
    {
        ProviderId = "local", Model = "sora-2", Size = "1280x720", Seconds = 4, Prompt = prompt,
        ImageBytes = image, ImageContentType = image is null ? null : "image/png", ImageName = image is null ? null : "frame.png",
    };

    [Fact]
    public async Task BlockedAtSubmit_IsRecordedAsBlocked_WithItsFindings_NotSentAndFree_AndTheFormStillShowsWhy()
    {
        var cut = test.Bunit.Render<NewRequestPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#prompt", Wait);
        cut.Find("#prompt").Input("A lighthouse at dawn, slow dolly in");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#submit-request").HasAttribute("disabled")), Wait);
        // Meanwhile an Owner cuts the budget below the render's cost: the check at submission blocks it.
        Assert.True((await Projects.UpdateSettingsAsync(ana, projectId, new ProjectSettings
        {
            DefaultModel = "sora-2", DefaultSize = "1280x720", DefaultSeconds = 4, MonthlyBudgetUsd = 0.10m,
        })).Succeeded);

        // Found and clicked in one renderer turn: the prompt field may re-render in between otherwise.
        await cut.InvokeAsync(() => cut.Find("#submit-request").Click());

        cut.WaitForElement("#blocked-record", Wait);
        Assert.DoesNotContain("/requests/", Navigation.Uri); // stayed on the form
        Assert.Contains("The pre-check blocks this request", cut.Find("#form-error").TextContent);
        Assert.Contains(cut.FindAll("[data-testid=finding]"), f => f.TextContent.Contains("Budget") && f.GetAttribute("data-severity") == "Block");
        var row = await DbAsync(db => db.RenderRequests.Include(r => r.Events).SingleAsync());
        Assert.Equal((RenderState.Blocked, RenderFailureReason.BlockedByPolicy, null, null), (row.State, row.FailureReason, row.ClientToken, row.SubmittedAt));
        Assert.Equal(RenderState.Blocked, Assert.Single(row.Events).To);
        var snapshot = RequestFormService.ReadSnapshot(row.PreCheckJson)!;
        Assert.Contains(snapshot.Findings, f => f.Category == FindingCategory.Budget && f.IsBlock);
        Assert.Equal(0m, await WithAsync<RenderRequestService, decimal?>(s => s.MonthToDateSpendAsync(ana, projectId)));
        Assert.Contains($"/projects/{projectId}/requests/{row.Id}", cut.Find("#blocked-record a").GetAttribute("href"));

        var list = test.Bunit.Render<RequestListPage>(p => p.Add(x => x.Id, projectId));
        list.WaitForAssertion(() => Assert.Equal("Blocked", list.Find($"[data-request='{row.Id}'] [data-testid=state-chip]").GetAttribute("data-state")), Wait);
        Assert.Contains("$0.00", list.Find($"[data-request='{row.Id}']").TextContent);
        var page = test.Bunit.Render<RequestPage>(p => p.Add(x => x.Id, projectId).Add(x => x.RequestId, row.Id));
        page.WaitForAssertion(() => Assert.Contains("The pre-check blocked this request, so nothing was sent or spent.", page.Find("#request-error").TextContent), Wait);
        Assert.Contains(page.FindAll("[data-testid=finding]"), f => f.TextContent.Contains("monthly budget"));
    }

    [Fact]
    public async Task BlockedContent_ThroughTheService_IsRecordedAsBlocked_AndNeverQueued()
    {
        var outcome = await WithAsync<RequestFormService, SubmitOutcome>(s => s.SubmitAsync(ana, projectId, Input("Mickey Mouse on a boat")));

        Assert.False(outcome.Succeeded);
        var row = await DbAsync(db => db.RenderRequests.SingleAsync());
        Assert.Equal((outcome.BlockedRequestId, RenderState.Blocked), ((Guid?)row.Id, row.State));
        Assert.Contains("Mickey Mouse", row.PreCheckJson);
    }

    [Fact]
    public async Task Warning_NeedsAConfirmationAndAReason_WhichAreStoredAuditedAndShown()
    {
        const string prompt = "A cosy kitchen in the style of Wes Anderson";
        var cut = test.Bunit.Render<NewRequestPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#prompt", Wait);
        cut.Find("#prompt").Input(prompt);
        cut.WaitForElement("#confirm-warnings", Wait);
        Assert.Equal("Warn", cut.Find("[data-testid=finding]").GetAttribute("data-severity"));
        Assert.True(cut.Find("#submit-request").HasAttribute("disabled"));

        cut.Find("#confirm-warnings").Change(true);
        Assert.True(cut.Find("#submit-request").HasAttribute("disabled")); // a reason is still missing
        cut.Find("#warning-reason").Input("Only the palette is meant; cleared with legal.");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#submit-request").HasAttribute("disabled")), Wait);
        // Found and clicked in one renderer turn: the prompt field may re-render in between otherwise.
        await cut.InvokeAsync(() => cut.Find("#submit-request").Click());
        cut.WaitForAssertion(() => Assert.Contains("/requests/", Navigation.Uri), Wait);

        var row = await DbAsync(db => db.RenderRequests.SingleAsync());
        Assert.Equal((RenderState.Queued, "Only the palette is meant; cleared with legal.", "ana"), (row.State, row.AcknowledgementReason, row.AcknowledgedBy));
        Assert.NotNull(row.AcknowledgedAt);
        var audit = Assert.Single(await AuditAsync(AuditActions.RenderWarningAcknowledged));
        Assert.Contains("cleared with legal", audit.Summary);
        var page = test.Bunit.Render<RequestPage>(p => p.Add(x => x.Id, projectId).Add(x => x.RequestId, row.Id));
        page.WaitForAssertion(() => Assert.Equal("Went ahead despite warnings (confirmed by ana): Only the palette is meant; cleared with legal.",
            page.Find("#ack-note").TextContent), Wait);
    }

    [Fact]
    public async Task Warning_WithoutAReason_IsRefusedByTheServer_AndChangesNothing()
    {
        var outcome = await WithAsync<RequestFormService, SubmitOutcome>(s => s.SubmitAsync(ana, projectId, Input("A kitchen in the style of Wes Anderson")));

        Assert.False(outcome.Succeeded);
        Assert.Contains("say why it should go ahead", outcome.Error);
        Assert.Equal(0, await DbAsync(db => db.RenderRequests.CountAsync()));
    }

    [Fact]
    public async Task NonAdmin_CannotOverrideABlock_EvenThroughTheService()
    {
        var cut = test.Bunit.Render<NewRequestPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#prompt", Wait);
        cut.Find("#prompt").Input("Mickey Mouse waves");
        cut.WaitForElement("[data-testid=finding]", Wait);
        Assert.Empty(cut.FindAll("#override-reason"));
        Assert.True(cut.Find("#submit-request").HasAttribute("disabled"));

        var input = Input("Mickey Mouse waves");
        input.OverrideReason = "I say so";
        var outcome = await WithAsync<RequestFormService, SubmitOutcome>(s => s.SubmitAsync(ana, projectId, input));

        Assert.False(outcome.Succeeded);
        Assert.Equal(RenderState.Blocked, (await DbAsync(db => db.RenderRequests.SingleAsync())).State);
        Assert.Empty(await AuditAsync(AuditActions.RenderBlockOverridden));
    }

    [Fact]
    public async Task AdminOverride_WithAReason_QueuesTheRequest_AndIsAuditedAndShown()
    {
        var admin = await UserAsync("root", admin: true);
        await Projects.AddMemberAsync(ana, projectId, "root@example.com", ProjectRole.Editor);
        await using var adminTest = new MudTestContext(Factory, admin.UserId, "root", "Admin");
        var cut = adminTest.Bunit.Render<NewRequestPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#prompt", Wait);
        cut.Find("#prompt").Input("Mickey Mouse waves from a steamboat");
        cut.WaitForElement("#override-reason", Wait);
        Assert.True(cut.Find("#submit-request").HasAttribute("disabled"));

        cut.Find("#override-reason").Input("Licensed for the anniversary campaign (contract 2026-114).");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#submit-request").HasAttribute("disabled")), Wait);
        // Found and clicked in one renderer turn: the prompt field may re-render in between otherwise.
        await cut.InvokeAsync(() => cut.Find("#submit-request").Click());
        var nav = adminTest.Bunit.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches($"/projects/{projectId}/requests/[0-9a-f-]{{36}}$", nav.Uri), Wait);

        var row = await DbAsync(db => db.RenderRequests.SingleAsync());
        Assert.Equal(RenderState.Queued, row.State);
        var audit = Assert.Single(await AuditAsync(AuditActions.RenderBlockOverridden));
        Assert.Equal((admin.UserId, row.Id.ToString()), (audit.ActorId, audit.EntityId));
        Assert.Contains("contract 2026-114", audit.Summary);
        var page = adminTest.Bunit.Render<RequestPage>(p => p.Add(x => x.Id, projectId).Add(x => x.RequestId, row.Id));
        page.WaitForAssertion(() => Assert.Equal("Block overridden by root: Licensed for the anniversary campaign (contract 2026-114).",
            page.Find("#override-note").TextContent), Wait);
    }

    [Fact]
    public async Task Duplicate_FromTheRequestPage_KeepsEveryParameter_AndCopiesTheImageUnderANewKey()
    {
        var image = TestImages.Png(1280, 720);
        var first = await WithAsync<RequestFormService, SubmitOutcome>(s => s.SubmitAsync(ana, projectId, Input("A harbour at night", image)));
        Assert.True(first.Succeeded, first.Error);
        var page = test.Bunit.Render<RequestPage>(p => p.Add(x => x.Id, projectId).Add(x => x.RequestId, first.RequestId!.Value));

        page.WaitForElement("#duplicate", Wait).Click();

        // On the copy's own page: a request address that is not the original's.
        page.WaitForAssertion(() =>
        {
            Assert.Matches($"/projects/{projectId}/requests/[0-9a-f-]{{36}}$", Navigation.Uri);
            Assert.DoesNotContain(first.RequestId!.Value.ToString(), Navigation.Uri);
        }, Wait);
        var rows = await DbAsync(db => db.RenderRequests.AsNoTracking().OrderBy(r => r.CreatedAt).ThenBy(r => r.Id == first.RequestId).ToListAsync());
        Assert.Equal(2, rows.Count);
        var (original, copy) = (rows.Single(r => r.Id == first.RequestId), rows.Single(r => r.Id != first.RequestId));
        Assert.Contains(copy.Id.ToString(), Navigation.Uri);
        Assert.Equal((original.Prompt, original.ProviderId, original.Model, original.Size, original.Seconds, original.Operation),
            (copy.Prompt, copy.ProviderId, copy.Model, copy.Size, copy.Seconds, copy.Operation));
        AssertSameImageUnderANewKey(original, copy, image);
    }

    [Fact]
    public async Task RerunWithChanges_PrefillsTheFormWithTheImage_AndSubmitsItUnderANewKey()
    {
        var image = TestImages.Png(1280, 720);
        var first = await WithAsync<RequestFormService, SubmitOutcome>(s => s.SubmitAsync(ana, projectId, Input("A harbour at night", image)));
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("from", first.RequestId!.Value.ToString()));
        var cut = test.Bunit.Render<NewRequestPage>(p => p.Add(x => x.Id, projectId));

        cut.WaitForAssertion(() => Assert.Equal("reference.png", cut.Find("#image-name").TextContent.Trim()), Wait);
        Assert.Empty(cut.FindAll("#image-fit")); // the image already has the video's size
        cut.Find("#prompt").Input("A harbour at night, fireworks overhead");
        cut.WaitForAssertion(() => Assert.Contains("fireworks", cut.Find("#prompt-preview").TextContent), Wait);
        cut.WaitForAssertion(() => Assert.False(cut.Find("#submit-request").HasAttribute("disabled")), Wait);
        // Found and clicked in one renderer turn: the prompt field may re-render in between otherwise.
        await cut.InvokeAsync(() => cut.Find("#submit-request").Click());
        cut.WaitForAssertion(() => Assert.Contains("/requests/", Navigation.Uri), Wait);

        var rows = await DbAsync(db => db.RenderRequests.AsNoTracking().ToListAsync());
        var (original, copy) = (rows.Single(r => r.Id == first.RequestId), rows.Single(r => r.Id != first.RequestId));
        Assert.Equal("A harbour at night, fireworks overhead", copy.Prompt);
        AssertSameImageUnderANewKey(original, copy, image);
    }

    [Fact]
    public async Task RerunFromATake_PrefillsFromTheRequestThatMadeIt_IncludingTheImage()
    {
        var image = TestImages.Png(1280, 720);
        var first = await WithAsync<RequestFormService, SubmitOutcome>(s => s.SubmitAsync(ana, projectId, Input("A harbour at night", image)));
        var take = new Video { ProjectId = projectId, RenderRequestId = first.RequestId!.Value, ProviderId = "local", Model = "sora-2", CreatedAt = DateTime.UtcNow };
        take.StackId = take.Id;
        await DbAsync(async db => { db.Videos.Add(take); return await db.SaveChangesAsync(); });
        var bo = await UserAsync("bo");

        var input = await WithAsync<RequestPrefillService, RequestFormInput?>(s => s.FromTakeAsync(ana, projectId, take.Id));
        var stranger = await WithAsync<RequestPrefillService, RequestFormInput?>(s => s.FromTakeAsync(bo, projectId, take.Id));

        Assert.NotNull(input);
        Assert.Equal(("A harbour at night", "sora-2", "1280x720", 4), (input.Prompt, input.Model, input.Size, input.Seconds));
        Assert.Equal(image, input.ImageBytes);
        Assert.Equal("image/png", input.ImageContentType);
        Assert.Null(stranger);
    }

    private void AssertSameImageUnderANewKey(RenderRequest original, RenderRequest copy, byte[] image)
    {
        var storage = Factory.Services.GetRequiredService<IMediaStorage>();
        Assert.NotNull(original.ImageReferenceKey);
        Assert.NotNull(copy.ImageReferenceKey);
        Assert.NotEqual(original.ImageReferenceKey, copy.ImageReferenceKey);
        Assert.Equal(image, File.ReadAllBytes(storage.GetFile(original.ImageReferenceKey)!.FullName));
        Assert.Equal(image, File.ReadAllBytes(storage.GetFile(copy.ImageReferenceKey)!.FullName));
    }
}
