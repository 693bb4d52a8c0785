using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Features.Policy.Seed;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Policy;

public sealed class PolicyRuleSeederTests(VideoHubFactory factory) : IClassFixture<VideoHubFactory>
{
    private async Task<int> CountAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        return await db.PolicyRules.CountAsync();
    }

    [Fact]
    public async Task Start_InsertsTheDefaultsOnce_AndNeverAgain()
    {
        var expected = DefaultPolicyRules.Load(DateTime.UtcNow).Count;
        Assert.Equal(expected, await CountAsync()); // inserted at start by the hosted service

        var seeder = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<PolicyRuleSeeder>().Single();
        Assert.Equal(0, await seeder.SeedAsync());
        Assert.Equal(expected, await CountAsync());
    }
}
