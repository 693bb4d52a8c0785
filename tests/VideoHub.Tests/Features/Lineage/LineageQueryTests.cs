using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Lineage;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Lineage;
using VideoHub.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Lineage;

/// <summary>The recursive lineage queries on deep and branching trees, and who may read them.</summary>
public sealed class LineageQueryTests : IAsyncLifetime
{
    private readonly VideoHubFactory app = new();
    private Actor owner = null!;
    private Guid projectId;

    public async Task InitializeAsync()
    {
        var user = await app.CreateUserAsync("tree@example.com");
        owner = new Actor(user.Id, "tree", false);
        using var scope = app.Services.CreateScope();
        projectId = (await scope.ServiceProvider.GetRequiredService<ProjectService>()
            .CreateAsync(owner, new ProjectInput { Name = "Tree", Brief = "b" })).Value;
    }

    public Task DisposeAsync() { app.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task DeepChain_FromTheMiddle_ReturnsEveryAncestorAndDescendant_AndNoStranger()
    {
        var root = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 4);
        var chain = await LineageSeeder.ChainAsync(app.Services, projectId, owner.UserId, root, 400, RenderOperation.Remix, _ => 4);
        var branch = await LineageSeeder.ChainAsync(app.Services, projectId, owner.UserId, chain[299], 50, RenderOperation.Edit, _ => 4);
        var cousin = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, chain[99], RenderOperation.Edit, 4);
        var stranger = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 4);

        var tree = await GetAsync(chain[199].Id);

        var expected = new[] { root }.Concat(chain).Concat(branch).Select(v => v.Id).ToHashSet();
        Assert.Equal(expected, tree!.Nodes.Select(n => n.Id).ToHashSet());
        Assert.DoesNotContain(tree.Nodes, n => n.Id == cousin.Id || n.Id == stranger.Id);
        Assert.Equal(root.Id, Assert.Single(tree.Roots).Id);
        Assert.Equal(2, tree.ChildrenOf(chain[299].Id).Count());
        Assert.Equal(chain[199].Id, tree.Current.Id);
    }

    [Fact]
    public async Task ExtensionChain_CountsOnlyTheUnbrokenExtensionsAboveTheTake()
    {
        var root = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 4);
        var first = await LineageSeeder.ChainAsync(app.Services, projectId, owner.UserId, root, 3, RenderOperation.Extend, i => 4 * (i + 2));
        var remix = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, first[^1], RenderOperation.Remix, 16);
        var second = await LineageSeeder.ChainAsync(app.Services, projectId, owner.UserId, remix, 2, RenderOperation.Extend, i => 16 + 4 * (i + 1));

        var tree = await GetAsync(second[^1].Id);

        Assert.Equal((2, 24.0), (tree!.ExtensionCount, tree.ChainSeconds));
        Assert.Equal((3, 16.0), ((await GetAsync(first[^1].Id))!.ExtensionCount, (await GetAsync(first[^1].Id))!.ChainSeconds));
        Assert.Equal((6, 120), (tree.MaxExtensions, tree.MaxChainSeconds));
    }

    [Fact]
    public async Task SequenceTake_HasEveryJoinedTakeAndTheirAncestors_AsItsFamily()
    {
        var a = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 4);
        var aRetake = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, a, RenderOperation.Remix, 4);
        var b = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 8);
        var sequence = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Sequence, 12);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync())
        {
            db.SequenceParts.AddRange(new SequencePart { SequenceVideoId = sequence.Id, Position = 1, SourceVideoId = aRetake.Id },
                new SequencePart { SequenceVideoId = sequence.Id, Position = 2, SourceVideoId = b.Id });
            await db.SaveChangesAsync();
        }

        var fromSequence = await GetAsync(sequence.Id);
        var fromShot = await GetAsync(a.Id);

        Assert.Equal(new[] { a.Id, aRetake.Id, b.Id, sequence.Id }.ToHashSet(), fromSequence!.Nodes.Select(n => n.Id).ToHashSet());
        Assert.Equal([aRetake.Id, b.Id], fromSequence.Current.SourceIds);
        Assert.Contains(fromShot!.Nodes, n => n.Id == sequence.Id);
        Assert.DoesNotContain(fromShot.Nodes, n => n.Id == b.Id);
    }

    [Fact]
    public async Task NonMember_GetsNothing_AndATakeOfAnotherProjectIsNotFound()
    {
        var take = await LineageSeeder.TakeAsync(app.Services, projectId, owner.UserId, null, RenderOperation.Create, 4);
        var stranger = await app.CreateUserAsync("stranger@example.com");

        Assert.Null(await GetAsync(take.Id, new Actor(stranger.Id, "stranger", false)));
        Assert.Null(await GetAsync(take.Id, owner, Guid.NewGuid()));
    }

    private async Task<LineageTree?> GetAsync(Guid videoId, Actor? actor = null, Guid? project = null) =>
        await app.Services.GetRequiredService<LineageService>().GetAsync(actor ?? owner, project ?? projectId, videoId);
}
