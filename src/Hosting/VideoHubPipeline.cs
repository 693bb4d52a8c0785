using VideoHub.Account;
using VideoHub.Components;
using VideoHub.Features;
using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Setup;
using VideoHub.Providers;

namespace VideoHub.Hosting;

public static class VideoHubPipeline
{
    /// <summary>The request pipeline and every endpoint, in one place.</summary>
    public static WebApplication MapVideoHub(this WebApplication app)
    {
        // A friendly page with a request id, never an exception page, in every environment.
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseApiProblemAnswers();
        app.UseSecurityHeaders();
        app.UseFirstRunSetup();

        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization, so the API's per-token limiter sees the Bearer-authenticated user.
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapVideoHubFeatures();
        app.MapVideoHubProviders();
        return app;
    }
}
