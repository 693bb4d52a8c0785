using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Features.Review;
using VideoHub.Features.Review.Components;
using VideoHub.Features.Review.Pages;

namespace VideoHub.Tests.Features.Review;

/// <summary>The queue page narrowed to a batch, the report page's selection and the stack's pick, rendered over the real services.</summary>
public sealed class ReviewPagesTests : ReviewBunitTestBase
{
    /// <summary>Query parameters reach a page through the address, as in the browser.</summary>
    private void Navigate(string name, string? value)
    {
        var navigation = Test.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter(name, value));
    }

    [Fact]
    public async Task QueuePage_ForABatch_ListsOnlyItsTakes_NamesTheBatch_AndForAnotherProjectsBatchShowsNothing()
    {
        var (batch, inBatch, secretBatch, _) = await TwoBatchesAsync();

        Navigate("batch", batch.ToString());
        var cut = Test.Bunit.Render<ReviewQueuePage>();

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
        var cut = Test.Bunit.Render<ReviewReportPage>(p => p.Add(x => x.Id, ProjectId));
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

    [Fact]
    public void VersionStack_OffersAPickOnEveryTake_OnlyWhenTheUserMayPick()
    {
        TakeSummary Summary(bool picked) => new(Guid.NewGuid(), ProjectId, Guid.Empty, null, Domain.Rendering.RenderOperation.Create, "p", "sora-2",
            1280, 720, 4, Domain.Rendering.ReviewState.Pending, picked, DateTime.UtcNow, "ana");
        var takes = new[] { Summary(true), Summary(false) };
        (Guid Id, bool Picked)? asked = null;

        var cut = Test.Bunit.Render<VersionStack>(p => p.Add(x => x.Takes, takes).Add(x => x.CurrentId, takes[1].Id)
            .Add(x => x.CanPick, true).Add(x => x.OnPick, c => asked = c));
        var picks = cut.FindAll("[data-testid=stack-pick]");
        Assert.Equal(["Unpick", "Pick this take"], picks.Select(b => b.TextContent.Trim()));
        Assert.Equal("Picked", cut.Find("[data-testid=stack-top]").TextContent.Trim());
        picks[1].Click();
        Assert.Equal((takes[1].Id, true), asked);

        var readOnly = Test.Bunit.Render<VersionStack>(p => p.Add(x => x.Takes, takes).Add(x => x.CurrentId, takes[1].Id));
        Assert.Empty(readOnly.FindAll("[data-testid=stack-pick]"));
    }
}
