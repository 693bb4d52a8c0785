using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Users;
using VideoHub.Providers;
using VideoHub.Providers.Settings;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Providers.Settings;

/// <summary>Providers seeded from appsettings.json into the database, edited by admins, secrets encrypted and never returned.</summary>
public sealed class ProviderSettingsTests : IDisposable
{
    private static readonly Actor Admin = new("admin-id", "admin", IsAdmin: true);
    private static readonly Actor Member = new("member-id", "member", IsAdmin: false);
    private readonly VideoHubFactory factory = new();

    private ProviderSettingsService Service() => factory.Services.CreateScope().ServiceProvider.GetRequiredService<ProviderSettingsService>();

    [Fact]
    public async Task FreshInstall_HasTheLocalProviderFromAppsettings_AsDefault_WithBothModelProfiles()
    {
        var local = Assert.Single(await Service().ListAsync(Admin));

        Assert.Equal(("local", ProviderKinds.Local, true, true), (local.Id, local.Kind, local.IsDefault, local.Enabled));
        var standard = local.FindModel("sora-2")!;
        var pro = local.FindModel("sora-2-pro")!;
        Assert.Equal(["1280x720", "720x1280"], standard.Sizes.Select(s => s.Size).Order());
        Assert.Contains(pro.Sizes, s => s.Size == "1920x1080" && s.PricePerSecond == 0.70m && s.BatchPricePerSecond == 0.35m);
        Assert.DoesNotContain(standard.Sizes, s => s.Size.StartsWith("1920") || s.Size.StartsWith("1080"));
        Assert.Equal([4, 8, 12, 16, 20], standard.Seconds);
        Assert.Equal((6, 120, 2, 32_000), (standard.MaxExtensions, standard.MaxChainSeconds, standard.MaxCharacters, standard.MaxPromptLength));
        Assert.Equal(ProviderOperations.All, standard.Operations);
        Assert.Equal(0.40m, standard.EstimateCost("1280x720", 4));
        Assert.Equal(0.20m, standard.EstimateCost("1280x720", 4, batch: true));
        Assert.Null(standard.EstimateCost("1920x1080", 4));
    }

    [Fact]
    public async Task Save_WithSecrets_StoresThemEncrypted_AndNeverReturnsThem_AndAuditsWithoutThem()
    {
        var edit = NewGateway();
        edit.ApiKey = "sk-gateway-super-secret";
        edit.WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

        Assert.True((await Service().SaveAsync(Admin, edit)).Succeeded);

        await using var db = await Db();
        var row = await db.Providers.SingleAsync(p => p.Id == "gateway");
        Assert.DoesNotContain("super-secret", row.ApiKeyProtected);
        Assert.DoesNotContain("MfKQ9r8", row.WebhookSecretProtected);
        var view = (await Service().GetAsync(Admin, "gateway"))!;
        Assert.True(view.HasApiKey && view.HasWebhookSecret);
        Assert.DoesNotContain(typeof(ProviderSummary).GetProperties(), p => p.Name.Contains("Protected") || p.Name == "ApiKey");
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.ProviderCreated);
        Assert.Contains("API key set", audit.Summary);
        Assert.DoesNotContain("super-secret", audit.Summary);

        var endpoint = factory.Services.GetRequiredService<VideoProviderRegistry>().EndpointOf(row);
        Assert.Equal("sk-gateway-super-secret", endpoint.ApiKey); // only the client ever sees it
        Assert.DoesNotContain("super-secret", endpoint.ToString());
    }

    [Fact]
    public async Task Save_WithoutNewSecrets_KeepsTheStoredOnes_AndClearRemovesThem()
    {
        var edit = NewGateway();
        edit.ApiKey = "first-key";
        await Service().SaveAsync(Admin, edit);

        var again = ProviderEdit.From((await Service().GetAsync(Admin, "gateway"))!);
        again.Name = "Renamed";
        Assert.True((await Service().SaveAsync(Admin, again)).Succeeded);
        Assert.True((await Service().GetAsync(Admin, "gateway"))!.HasApiKey);

        again.ClearApiKey = true;
        await Service().SaveAsync(Admin, again);
        Assert.False((await Service().GetAsync(Admin, "gateway"))!.HasApiKey);
    }

    [Fact]
    public async Task Save_WithBadInput_ReportsEachFieldAndChangesNothing()
    {
        var edit = NewGateway();
        edit.Id = "Bad Id!";
        edit.BaseUrl = "ftp://nope";
        edit.WebhookSecret = "not-a-whsec";
        edit.Models[0].Sizes[0].Size = "wide";

        var result = await Service().SaveAsync(Admin, edit);

        Assert.False(result.Succeeded);
        Assert.Contains("Id", result.Errors.Keys);
        Assert.Contains("BaseUrl", result.Errors.Keys);
        Assert.Contains("WebhookSecret", result.Errors.Keys);
        Assert.Contains("Models[0].Sizes", result.Errors.Keys);
        Assert.Single(await Service().ListAsync(Admin));
    }

    [Fact]
    public async Task Add_WithAnIdAlreadyInUse_IsRefusedOnTheIdField_AndChangesNothing()
    {
        var edit = NewGateway();
        edit.Id = "local";

        var result = await Service().AddAsync(Admin, edit);

        Assert.False(result.Succeeded);
        Assert.Equal("A provider with the id \"local\" already exists; choose another.", result.Errors["Id"]);
        var local = Assert.Single(await Service().ListAsync(Admin));
        Assert.Equal((ProviderKinds.Local, null, 2), (local.Kind, local.BaseUrl, local.Models.Count));
        await using var db = await Db();
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.ProviderUpdated || a.Action == AuditActions.ProviderCreated));
        Assert.True((await Service().AddAsync(Admin, NewGateway())).Succeeded);
    }

    [Theory]
    [InlineData("gateway.example/v1", "Enter a full http:// or https:// address, e.g. https://gateway.example/v1.")]
    [InlineData("ftp://gateway.example/v1", "Enter a full http:// or https:// address, e.g. https://gateway.example/v1.")]
    [InlineData("https://user:sk-secret@gateway.example/v1", "Leave credentials out of the URL; put the key in the API key field.")]
    [InlineData("https://gateway.example/v1?key=1", "Leave out the ? and # parts; the base URL is only the address, e.g. https://gateway.example/v1.")]
    [InlineData("", "Enter the provider's base URL, e.g. https://gateway.example/v1.")]
    public async Task Save_WithABaseUrlThatIsNotAPlainHttpAddress_SaysWhatIsWrong(string url, string message)
    {
        var edit = NewGateway();
        edit.BaseUrl = url;

        var result = await Service().SaveAsync(Admin, edit);

        Assert.Equal(message, Assert.Single(result.Errors).Value);
        Assert.Equal("BaseUrl", result.Errors.Keys.Single());
    }

    [Fact]
    public async Task Save_WithLimitsOutOfRangeAndABadSize_NamesEachFieldAndTheBadSize()
    {
        var edit = NewGateway();
        var model = edit.Models[0];
        (model.MaxExtensions, model.MaxChainSeconds, model.MaxCharacters, model.MaxPromptLength) = (-1, 4000, 21, 0);
        model.Sizes.Add(new ProviderModelSize { Size = "1280 by 720" });
        edit.MaxConcurrentRenders = 0;
        edit.RequestsPerMinute = 10_001;

        var errors = (await Service().SaveAsync(Admin, edit)).Errors;

        Assert.Equal(
            ["MaxConcurrentRenders", "Models[0].MaxChainSeconds", "Models[0].MaxCharacters", "Models[0].MaxExtensions",
             "Models[0].MaxPromptLength", "Models[0].Sizes", "RequestsPerMinute"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("“1280 by 720” is not a size: write WIDTHxHEIGHT, e.g. 1280x720.", errors["Models[0].Sizes"]);
        Assert.Single(await Service().ListAsync(Admin));
    }

    [Fact]
    public async Task NonAdmins_SeeNoProviders_AndCannotChangeOrRevealAnything()
    {
        var service = Service();
        Assert.Empty(await service.ListAsync(Member));
        Assert.Null(await service.GetAsync(Member, "local"));
        Assert.False((await service.SaveAsync(Member, NewGateway())).Succeeded);
        Assert.False((await service.SetEnabledAsync(Member, "local", false)).Succeeded);
        Assert.Null(await service.RevealLocalProviderKeyAsync(Member));
        Assert.Single(await service.ListAsync(Admin));
    }

    [Fact]
    public async Task Disable_TheDefaultProvider_IsRefused_ButAnotherCanBeDisabled()
    {
        await Service().SaveAsync(Admin, NewGateway());
        Assert.False((await Service().SetEnabledAsync(Admin, "local", false)).Succeeded);
        Assert.True((await Service().SetEnabledAsync(Admin, "gateway", false)).Succeeded);
        Assert.Null(await factory.Services.GetRequiredService<VideoProviderRegistry>().GetAsync("gateway"));
    }

    [Fact]
    public async Task RevealLocalKey_GivesAdminsTheGeneratedKey_AndIsAudited()
    {
        var key = await Service().RevealLocalProviderKeyAsync(Admin);
        Assert.StartsWith("sk-local-", key);
        await using var db = await Db();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.ProviderKeyViewed));
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Summary.Contains(key!)));
    }

    private static ProviderEdit NewGateway() => new()
    {
        Id = "gateway",
        Name = "LiteLLM gateway",
        Kind = ProviderKinds.OpenAiCompatible,
        BaseUrl = "https://gateway.example/v1",
        Models =
        [
            new ProviderModelProfile
            {
                Model = "veo-3.1", Operations = ProviderOperations.Create | ProviderOperations.ImageReference, Seconds = [4, 8],
                Sizes = [new ProviderModelSize { Size = "1280x720", PricePerSecond = 0.4m, BatchPricePerSecond = 0.2m }],
            },
        ],
    };

    private Task<VideoHubDbContext> Db() =>
        factory.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();

    public void Dispose() => factory.Dispose();
}
