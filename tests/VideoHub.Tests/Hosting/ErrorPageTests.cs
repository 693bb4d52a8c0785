using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Hosting;

public sealed class ErrorPageTests : IDisposable
{
    private readonly BreakableDatabaseFactory factory = new();

    [Fact]
    public async Task UnexpectedFailure_ShowsFriendlyPageWithRequestId_AndNoExceptionDetails()
    {
        await factory.CreateUserAsync("someone@example.com");
        var client = await factory.SignedInClientAsync("someone@example.com");
        BreakableDbContextFactory.Broken = true;
        try
        {
            var response = await client.GetAsync("/");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Contains("Something went wrong", html);
            Assert.Matches("id=\"request-id\">[^<]{8,}</code>", html);
            Assert.DoesNotContain("InvalidOperationException", html);
            Assert.DoesNotContain("SqliteException", html);
            Assert.DoesNotContain("nonexistent-videohub-folder", html);
            Assert.DoesNotContain(" at VideoHub.", html);
        }
        finally
        {
            BreakableDbContextFactory.Broken = false;
        }
    }

    [Fact]
    public async Task UnknownUrl_ShowsNotFoundPageWith404()
    {
        await factory.CreateUserAsync("someone@example.com");
        var client = await factory.SignedInClientAsync("someone@example.com");

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing here, or you do not have access to it.", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => factory.Dispose();

    /// <summary>The real database, with a switch that makes every new context's queries fail as a lost disk would.</summary>
    private sealed class BreakableDatabaseFactory : VideoHubFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var original = services.Last(d => d.ServiceType == typeof(IDbContextFactory<VideoHubDbContext>));
                services.Remove(original);
                services.AddSingleton<IDbContextFactory<VideoHubDbContext>>(sp => new BreakableDbContextFactory(
                    (IDbContextFactory<VideoHubDbContext>)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
            });
        }
    }

    private sealed class BreakableDbContextFactory(IDbContextFactory<VideoHubDbContext> inner) : IDbContextFactory<VideoHubDbContext>
    {
        // Static because the test class owns the only factory in its process-wide collection run.
        public static volatile bool Broken;

        public VideoHubDbContext CreateDbContext()
        {
            var db = inner.CreateDbContext();
            if (Broken) db.Database.SetConnectionString("Data Source=/nonexistent-videohub-folder/gone.db;Mode=ReadOnly");
            return db;
        }
    }
}
