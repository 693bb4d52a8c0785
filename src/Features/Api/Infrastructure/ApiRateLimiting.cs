using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using VideoHub.Features.Api.Tokens;

namespace VideoHub.Features.Api.Infrastructure;

public sealed class ApiOptions
{
    public const string Section = "Api";
    /// <summary>Calls one token may make per <see cref="RateWindow"/>.</summary>
    public int RatePermits { get; set; } = 300;
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>A fixed window per token (per client address for calls without a valid token); 429 with Retry-After.</summary>
public static class ApiRateLimiting
{
    public const string Policy = "api-per-token";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http =>
            {
                var options = Options(http);
                var token = http.User.FindFirstValue(ApiTokenAuthenticationHandler.TokenIdClaim);
                var partition = token is not null ? "token:" + token : "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RatePermits, Window = options.RateWindow, QueueLimit = 0, AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                var options = Options(context.HttpContext);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.RateWindow;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This token made too many calls; retry after {seconds} seconds.");
            };
        });
        return services;
    }

    private static ApiOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ApiOptions>>().CurrentValue;
}
