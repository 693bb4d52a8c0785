using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;
using VideoHub.Features.Requests;
using VideoHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace VideoHub.Tests.Features.Lineage;

/// <summary>The extension limits of the profile, enforced by the request form's pre-check and submission on the server.</summary>
public sealed class ExtensionLimitTests : IAsyncLifetime
{
    private readonly VideoHubFactory app = new();
    private Actor owner = null!;
    private Guid projectId;

    public async Task InitializeAsync()
    {
        var user = await app.CreateUserAsync("limits@example.com");
        owner = new Actor(user.Id, "limits", false);
        using var scope = app.Services.CreateScope();
        projectId = (await scope.ServiceProvider.GetRequiredService<ProjectService>()
            .CreateAsync(owner, new ProjectInput { Name = "Limits", Brief = "b" })).Value;
    }

    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task SeventhExtension_IsBlocked_WithTheLimitInPlainWords_AndNothingIsCreated()
    {
        var root = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 4);
        var chain = await LineageSeeder.ChainAsync(app.Services, projectId, owner.UserId, root, 6, RenderOperation.Extend, i => 4 + 4 * (i + 1));

        var outcome = await SubmitAsync(Extend(chain[^1].Id, 4));

        Assert.False(outcome.Succeeded);
        var finding = Assert.Single(outcome.Check!.Findings, f => f.IsBlock);
        Assert.Equal("This would be extension 7 of the chain; sora-2 allows at most 6.", finding.Message);
        Assert.Equal(7, await CountRequestsAsync());
    }

    [Fact]
    public async Task SixthExtension_IsAllowed()
    {
        var root = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 4);
        var chain = await LineageSeeder.ChainAsync(app.Services, projectId, owner.UserId, root, 5, RenderOperation.Extend, i => 4 + 4 * (i + 1));

        var outcome = await SubmitAsync(Extend(chain[^1].Id, 4));

        Assert.True(outcome.Succeeded, outcome.Error);
        await using var db = await DbAsync();
        var row = await db.RenderRequests.SingleAsync(r => r.Id == outcome.RequestId);
        Assert.Equal((RenderOperation.Extend, chain[^1].Id, 4, "1280x720", false), (row.Operation, row.ParentVideoId, row.Seconds, row.Size, row.StitchExtension));
    }

    [Fact]
    public async Task ExtensionPast120Seconds_IsBlocked_AndSaysHowManySecondsAreLeft()
    {
        var root = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 16);
        var chain = await LineageSeeder.ChainAsync(app.Services, projectId, owner.UserId, root, 5, RenderOperation.Extend, i => 16 + 20 * (i + 1));

        var outcome = await SubmitAsync(Extend(chain[^1].Id, 8));

        Assert.False(outcome.Succeeded);
        var finding = Assert.Single(outcome.Check!.Findings, f => f.IsBlock);
        Assert.Equal("This extension would make the chain 124 seconds long; at most 120 seconds are allowed.", finding.Message);
        Assert.Equal("Choose at most 4 seconds.", finding.SuggestedFix);
        Assert.True((await CheckAsync(Extend(chain[^1].Id, 4))).Findings.All(f => !f.IsBlock));
    }

    [Fact]
    public async Task ExtensionWithCharacters_IsBlocked_BecauseTheyComeFromTheSource()
    {
        var take = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 8);
        var item = new CatalogItem { Name = "Mara", NormalizedName = "mara", OwnerId = owner.UserId, OwnerName = "limits" };
        await using (var db = await DbAsync()) { db.CatalogItems.Add(item); await db.SaveChangesAsync(); }
        var input = Extend(take.Id, 4);
        input.CatalogItemIds.Add(item.Id);

        var outcome = await SubmitAsync(input);

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Check!.Findings, f => f.IsBlock && f.Message == "An extension cannot carry characters; they come from the video it extends.");
        Assert.Equal(1, await CountRequestsAsync());
    }

    [Fact]
    public async Task ExtensionWithAnImageReference_IsBlocked()
    {
        var take = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 8);
        var input = Extend(take.Id, 4);
        input.ImageBytes = await File.ReadAllBytesAsync(await Tests.Providers.Infrastructure.MediaFiles.ImageAsync(1280, 720));
        input.ImageContentType = "image/png";

        var check = await CheckAsync(input);

        Assert.Contains(check.Findings, f => f.IsBlock && f.Message == "An extension cannot have an image reference; it continues from the last frame.");
    }

    [Fact]
    public async Task TakeOfAnotherProject_CannotBeExtended()
    {
        using var scope = app.Services.CreateScope();
        var other = (await scope.ServiceProvider.GetRequiredService<ProjectService>()
            .CreateAsync(owner, new ProjectInput { Name = "Other", Brief = "b" })).Value;
        var foreign = await LineageSeeder.TakeAsync(app.Services, other, owner.UserId, null, RenderOperation.Create, 8);

        var outcome = await SubmitAsync(Extend(foreign.Id, 4));

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Check!.Findings, f => f.Message == "The take this request builds on does not exist.");
    }

    [Fact]
    public async Task Remix_KeepsTheSourcesSizeAndLength_WhateverTheFormSays()
    {
        var take = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 8);
        var input = new RequestFormInput
        {
            Operation = RenderOperation.Remix, ParentVideoId = take.Id, Prompt = "the same scene at night", ProviderId = "local",
            Model = "sora-2-pro", Size = "1920x1080", Seconds = 20, IsRetake = true,
        };

        var outcome = await SubmitAsync(input);

        Assert.True(outcome.Succeeded, outcome.Error);
        await using var db = await DbAsync();
        var row = await db.RenderRequests.SingleAsync(r => r.Id == outcome.RequestId);
        Assert.Equal((RenderOperation.Remix, "sora-2", "1280x720", 8, true, 0.8m),
            (row.Operation, row.Model, row.Size, row.Seconds, row.IsRetake, row.EstimatedCostUsd));
    }

    private static RequestFormInput Extend(Guid parent, int seconds) => new()
    {
        Operation = RenderOperation.Extend, ParentVideoId = parent, Prompt = "the camera keeps rolling", ProviderId = "local",
        Model = "sora-2", Size = "1280x720", Seconds = seconds,
    };

    private async Task<SubmitOutcome> SubmitAsync(RequestFormInput input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequestFormService>().SubmitAsync(owner, projectId, input);
    }

    private async Task<PolicyCheckResult> CheckAsync(RequestFormInput input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequestFormService>().CheckAsync(input, new BudgetInput(0, 100, null));
    }

    /// <summary>Requests that can render: a refused submission is kept only as a Blocked record, which never renders.</summary>
    private async Task<int> CountRequestsAsync()
    {
        await using var db = await DbAsync();
        return await db.RenderRequests.CountAsync(r => r.ProjectId == projectId && r.State != RenderState.Blocked);
    }

    private Task<VideoHubDbContext> DbAsync() =>
        app.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
}
