using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Catalog;
using VideoHub.Features.Catalog.Clips;
using VideoHub.Features.Catalog.Registration;
using VideoHub.Features.Requests;
using VideoHub.Providers.Local;
using VideoHub.Tests.Features.Rendering.Infrastructure;

namespace VideoHub.Tests.Features.Catalog;

/// <summary>Registration with the local provider over real HTTP (with its faults), and renders pinning the version they used.</summary>
public sealed class CatalogRegistrationTests : RenderingTestBase
{
    private readonly string clips = Path.Combine(Path.GetTempPath(), "videohub-tests", "regclips-" + Guid.NewGuid().ToString("N"));

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Catalog:RegistrationRetryDelay"] = "00:00:00.050",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(clips, recursive: true); } catch (IOException) { }
    }

    private async Task<CatalogItem> SeedAsync(string name, double seconds = 3) =>
        await CatalogSeeder.SeedAsync(App.Services, Owner.UserId, name,
            await File.ReadAllBytesAsync(await TestClips.VideoAsync(clips, 1280, 720, seconds)), [0xFF, 0xD8, 0xFF]);

    private async Task<List<CatalogRegistration>> RegisterUntilSettledAsync(Guid versionId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            await WithServiceAsync<CatalogRegistrar, int>(r => r.RunOnceAsync());
            var rows = await App.DbAsync(db => db.CatalogRegistrations.AsNoTracking().Where(r => r.CatalogItemVersionId == versionId).ToListAsync());
            if (rows.Count > 0 && rows.All(r => r.Status != CatalogRegistrationStatus.Pending)) return rows;
            await Task.Delay(60, deadline.Token);
        }
    }

    [Fact]
    public async Task Registrar_WhenTheProviderFailsTwice_RetriesWithBackoff_ThenStoresTheCharacterId()
    {
        var item = await SeedAsync("Nova");
        App.Providers.FaultHeader = $"server-error=2,key={Guid.NewGuid():N}";
        var row = Assert.Single(await RegisterUntilSettledAsync(item.CurrentVersionId!.Value));
        Assert.Equal(CatalogRegistrationStatus.Registered, row.Status);
        Assert.Equal(3, row.Attempts);
        Assert.StartsWith("char_", row.ProviderCharacterId);
        Assert.Null(row.Error);
    }

    [Fact]
    public async Task Registrar_WhenTheProviderRefusesTheClip_FailsWithItsReason_AndRetryQueuesItAgain()
    {
        var item = await SeedAsync("Shorty", seconds: 1);
        var row = Assert.Single(await RegisterUntilSettledAsync(item.CurrentVersionId!.Value));
        Assert.Equal(CatalogRegistrationStatus.Failed, row.Status);
        Assert.Contains("2 to 4 seconds", row.Error);
        Assert.Equal(1, row.Attempts);

        var retried = await WithServiceAsync<CatalogService, CatalogResult<bool>>(s => s.RetryRegistrationAsync(Owner, row.Id));
        Assert.True(retried.Value);
        Assert.Equal(CatalogRegistrationStatus.Pending, (await App.DbAsync(db => db.CatalogRegistrations.SingleAsync())).Status);
    }

    [Fact]
    public async Task Render_PinsItsVersionAndCharacter_ShowsTheName_AndKeepsItsVersionAfterANewOne()
    {
        var item = await SeedAsync("Nova");
        var v1 = item.CurrentVersionId!.Value;
        var registered = Assert.Single(await RegisterUntilSettledAsync(v1));

        var input = new RequestFormInput
        {
            ProviderId = "local", Model = "sora-2", Size = "1280x720", Seconds = 4,
            Prompt = "Nova walks along the harbour at dawn", CatalogItemIds = [item.Id],
        };
        var outcome = await WithServiceAsync<RequestFormService, SubmitOutcome>(f => f.SubmitAsync(Owner, ProjectId, input));
        Assert.True(outcome.Succeeded, outcome.Error + string.Join("; ", outcome.Check?.Findings.Select(f => f.Message) ?? []));
        var pin = await App.DbAsync(db => db.RenderRequestCatalogItems.SingleAsync());
        Assert.Equal((v1, registered.ProviderCharacterId, "Nova"), (pin.CatalogItemVersionId, pin.ProviderCharacterId, pin.Name));

        var request = Assert.Single(await SweepUntilFinishedAsync([outcome.RequestId!.Value]));
        Assert.Equal(RenderState.Ready, request.State);
        var job = App.Services.GetRequiredService<LocalProviderStore>().Jobs.Get(request.ProviderJobId!)!;
        Assert.Equal(["Nova"], job.CharacterNames);

        // A new clip makes version 2, registered again; the finished render still names version 1.
        await using (var file = File.OpenRead(await TestClips.VideoAsync(clips, 720, 1280, 3)))
        {
            var staged = await App.Services.GetRequiredService<ClipStaging>().StageAsync(Owner, file, "v2.mp4");
            var added = await WithServiceAsync<CatalogService, CatalogResult<int>>(s => s.AddVersionAsync(Owner, item.Id, staged.Clip!.Token));
            Assert.Equal(2, added.Value);
        }
        var v2 = (await App.DbAsync(db => db.CatalogItems.SingleAsync())).CurrentVersionId!.Value;
        Assert.NotEqual(v1, v2);
        var again = Assert.Single(await RegisterUntilSettledAsync(v2));
        Assert.Equal(CatalogRegistrationStatus.Registered, again.Status);
        Assert.NotEqual(registered.ProviderCharacterId, again.ProviderCharacterId);
        Assert.Equal(v1, (await App.DbAsync(db => db.RenderRequestCatalogItems.SingleAsync())).CatalogItemVersionId);

        var details = (await WithServiceAsync<CatalogService, CatalogItemDetails?>(s => s.GetAsync(Owner, item.Id)))!;
        var usage = Assert.Single(details.Usage);
        Assert.Equal((request.Id, 1), (usage.RequestId, usage.VersionNumber));
        Assert.Equal([2, 1], details.Versions.Select(v => v.Number));

        // Retired later, the item still shows on the request that used it, with the version it pinned; outsiders see nothing.
        Assert.True((await WithServiceAsync<CatalogService, CatalogResult<bool>>(s => s.RetireAsync(Owner, item.Id))).Succeeded);
        var pinned = Assert.Single(await WithServiceAsync<CatalogService, IReadOnlyList<PinnedCatalogItem>>(s => s.PinnedAsync(Owner, request.Id)));
        Assert.Equal(new PinnedCatalogItem(item.Id, "Nova", 1, IsRetired: true), pinned);
        var outsider = await App.CreateUserAsync("outsider@example.com", displayName: "outsider");
        Assert.Empty(await WithServiceAsync<CatalogService, IReadOnlyList<PinnedCatalogItem>>(s =>
            s.PinnedAsync(new Domain.Users.Actor(outsider.Id, "outsider", false), request.Id)));
    }
}
