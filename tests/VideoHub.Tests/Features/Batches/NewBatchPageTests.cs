using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Batches.Pages;
using VideoHub.Tests.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Batches;

/// <summary>The new-batch page rendered by bunit over the real parser, pre-check, batch service and SQLite file.</summary>
public sealed class NewBatchPageTests : ProjectsTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private MudTestContext test = null!;
    private Actor ana = null!;
    private Guid projectId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ana = await UserAsync("ana");
        projectId = await ProjectAsync(ana, "Batch Trailer");
        test = new MudTestContext(Factory, ana.UserId, "ana");
        test.Bunit.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public override async Task DisposeAsync()
    {
        await test.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task UploadedFileWithBadRows_IsPreviewedByLineAndField_AndCreatesOnlyTheGoodRowsOnceTheUserDropsTheFailingOnes()
    {
        var cut = test.Bunit.Render<NewBatchPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#preview-batch", Wait);
        var csv = "custom_id,prompt,model,size,seconds\n" +
                  "shot-1,A lighthouse at dawn,sora-2,1280x720,4\n" +
                  "shot-2,Mickey Mouse waves,sora-2,1280x720,4\n" +
                  "shot-3,A fox in snow,sora-2,640x480,4\n" +
                  "shot-4,\"A harbour, at night\",sora-2,720x1280,8\n";

        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText(csv, "shots.csv"));
        cut.WaitForAssertion(() => Assert.Contains("shots.csv", cut.Find("#file-name").TextContent), Wait);
        cut.Find("#preview-batch").Click();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("#preview-runnable").TextContent), Wait);
        Assert.Equal("$1.20", cut.Find("#preview-total").TextContent);
        var issues = cut.FindAll("[data-testid=preview-issue][data-severity=Block]").Select(e => (e.GetAttribute("data-line"), e.GetAttribute("data-field"))).ToList();
        Assert.Contains(("3", "prompt"), issues);
        Assert.Contains(("4", "size"), issues);
        Assert.True(cut.Find("#create-batch").HasAttribute("disabled"));
        Assert.Equal(0, await DbAsync(db => db.RenderRequests.CountAsync()));

        var box = cut.Find("#drop-failing");
        (box.TagName == "INPUT" ? box : box.QuerySelector("input")!).Change(true);
        cut.WaitForAssertion(() => Assert.False(cut.Find("#create-batch").HasAttribute("disabled")), Wait);
        cut.Find("#create-batch").Click();

        var navigation = test.Bunit.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("/batches/", navigation.Uri), Wait);
        var rows = await DbAsync(db => db.RenderRequests.AsNoTracking().Include(r => r.Events).OrderBy(r => r.CreatedAt).ToListAsync());
        Assert.Equal(["shot-1", "shot-4"], rows.Select(r => r.BatchCustomId));
        Assert.Equal("A harbour, at night", rows[1].Prompt);
        Assert.All(rows, r => Assert.Equal(RenderState.Queued, r.Events.OrderBy(e => e.Id).First().To));
        var batch = await DbAsync(db => db.Batches.SingleAsync());
        Assert.Equal(("shots", ana.UserId), (batch.Name, batch.CreatedById));
    }

    [Fact]
    public void FileOverTheLimit_IsRefusedWithAMessage_AndNothingIsPreviewed()
    {
        var cut = test.Bunit.Render<NewBatchPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("#preview-batch", Wait);

        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(new byte[10 * 1024 * 1024 + 1], "huge.csv"));

        cut.WaitForAssertion(() => Assert.Contains("at most 10 MB", cut.Find("#batch-problem").TextContent), Wait);
        cut.Find("#preview-batch").Click();
        cut.WaitForAssertion(() => Assert.Contains("Choose a batch file", cut.Find("#batch-problem").TextContent), Wait);
        Assert.Empty(cut.FindAll("#batch-preview"));
    }
}
