using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using VideoHub.Features.Api.Endpoints;
using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Api.Tokens;
using VideoHub.Features.Api.Webhooks;

namespace VideoHub.Features.Api;

public static class ApiFeature
{
    public const string Prefix = "/api/v1";
    /// <summary>The only policy of /api/v1: a Bearer token, never the sign-in cookie.</summary>
    public const string Policy = "api-token";

    public static IServiceCollection AddApiFeature(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddScoped<ApiRenderForm>();
        services.AddScoped<ApiTakeProject>();
        services.AddScoped<Idempotency>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddApiRateLimiting();
        services.AddApiOpenApi();
        services.AddWebhooks();
        return services;
    }

    public static IEndpointRouteBuilder MapApiFeature(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(ApiRateLimiting.Policy)
            .DisableAntiforgery()
            .AddEndpointFilter<ApiEndpointFilter>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);
        api.MapProjectEndpoints();
        api.MapRenderRequestEndpoints();
        api.MapTakeEndpoints();
        api.MapTakeListEndpoint();
        api.MapReviewEndpoints();
        api.MapDeriveEndpoints();
        api.MapBatchEndpoints();
        api.MapCatalogEndpoints();
        endpoints.MapApiReference();
        return endpoints;
    }
}
