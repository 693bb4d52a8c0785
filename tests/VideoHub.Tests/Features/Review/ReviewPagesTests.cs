using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Features.Review.Pages;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Review;

/// <summary>The queue page narrowed to a batch and the report page's selection, rendered over the real services.</summary>
public sealed class ReviewPagesTests : ReviewTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private MudTestContext test = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        test = new MudTestContext(Factory, Reviewer.UserId, "reviewer");
    }

    public override async Task DisposeAsync()
    {
        await test.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Query parameters reach a page through the address, as in the browser.</summary>
    private void Navigate(string name, string? value)
    {
        var navigation = test.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter(name, value));
    }

    [Fact]
    public async Task QueuePage_ForABatch_ListsOnlyItsTakes_NamesTheBatch_AndForAnotherProjectsBatchShowsNothing()
    {
        var batch = await BatchAsync(ProjectId, "Night shots", Owner);
        var inBatch = await TakeAsync(prompt: "from the batch");
        await TakeAsync(prompt: "not from the batch");
        await JoinBatchAsync(inBatch.Id, batch);
        var secretProject = await ProjectAsync(Stranger, "Secret");
        var secretBatch = await BatchAsync(secretProject, "Secret batch", Stranger);
        var secret = await TakeAsync(Stranger, prompt: "secret", project: secretProject);
        await JoinBatchAsync(secret.Id, secretBatch);

        Navigate("batch", batch.ToString());
        var cut = test.Bunit.Render<ReviewQueuePage>();

        cut.WaitForAssertion(() => Assert.Equal([inBatch.Id.ToString()], cut.FindAll("[data-testid=queue-item]").Select(i => i.GetAttribute("data-take-id"))), Wait);
        Assert.Contains("Batch: Night shots", cut.Find("#filter-batch").TextContent);
        Assert.Equal(inBatch.Id.ToString(), cut.Find("#queue-video").GetAttribute("data-take-id"));
        Assert.Empty(cut.FindAll("#review-video"));

        Navigate("batch", secretBatch.ToString());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#queue-empty")), Wait);
        Assert.Contains("Batch: not available", cut.Find("#filter-batch").TextContent);
        Assert.DoesNotContain("Secret batch", cut.Markup);
    }

    [Fact]
    public async Task ReportPage_TickedTakesMakeASelectionReport_AndTheSelectionCanGoBackToTheWholeProject()
    {
        var a = await TakeAsync(prompt: "kite A");
        var b = await TakeAsync(prompt: "kite B");
        var c = await TakeAsync(prompt: "kite C");
        var cut = test.Bunit.Render<ReviewReportPage>(p => p.Add(x => x.Id, ProjectId));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=report-take]").Count), Wait);
        Assert.Empty(cut.FindAll("#report-selection"));

        var boxes = cut.FindAll("[data-testid=report-select] input, input[data-testid=report-select]");
        Assert.Equal(3, boxes.Count);
        boxes[0].Change(true);
        cut.FindAll("[data-testid=report-select] input, input[data-testid=report-select]")[2].Change(true);

        var link = cut.Find("#report-selection");
        Assert.Equal($"/projects/{ProjectId}/review-report?takes={a.Id},{c.Id}", link.GetAttribute("href"));
        Assert.Contains("Report on 2 selected", link.TextContent);

        Navigate("takes", $"{a.Id},{c.Id}");
        cut.WaitForAssertion(() => Assert.Equal([a.Id.ToString(), c.Id.ToString()],
            cut.FindAll("[data-testid=report-take]").Select(t => t.GetAttribute("data-take-id"))), Wait);
        Assert.Equal($"/projects/{ProjectId}/review-report/csv?takes={a.Id},{c.Id}", cut.Find("#report-csv").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=report-select]"));
        Assert.DoesNotContain(b.Id.ToString(), cut.Markup);

        Navigate("takes", null);
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=report-take]").Count), Wait);
    }
}
