using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>
/// The two HttpClients every openai-compatible provider is reached through. API calls get the standard resilience
/// pipeline (30 s in total; GETs retried with jittered backoff honouring Retry-After; POSTs never retried).
/// Downloads get their own client whose pipeline only covers the wait for headers; the body is streamed under the
/// long content timeout and an idle timeout (see <see cref="ContentStreamer"/>). Pipelines are kept per provider
/// host, so one failing provider cannot open the circuit for another.
/// </summary>
public static class ProviderHttpClients
{
    public const string Api = "videohub-provider-api";
    public const string Content = "videohub-provider-content";

    public static IServiceCollection AddOpenAiCompatibleClient(this IServiceCollection services)
    {
        services.AddOptions<ProviderHttpOptions>().BindConfiguration(ProviderHttpOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OpenAiCompatibleClientFactory>();

        services.AddHttpClient(Api)
            .ConfigureHttpClient((sp, c) => c.Timeout = Options(sp).ApiTotalTimeout + TimeSpan.FromSeconds(5))
            .AddStandardResilienceHandler()
            .Configure((o, sp) => ConfigureApi(o, Options(sp)))
            .SelectPipelineByAuthority();

        services.AddHttpClient(Content)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((o, sp) => ConfigureContent(o, Options(sp)))
            .SelectPipelineByAuthority();
        return services;
    }

    private static ProviderHttpOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<ProviderHttpOptions>>().Value;

    private static void ConfigureApi(HttpStandardResilienceOptions o, ProviderHttpOptions p)
    {
        o.TotalRequestTimeout.Timeout = p.ApiTotalTimeout;
        o.AttemptTimeout.Timeout = p.ApiAttemptTimeout < p.ApiTotalTimeout ? p.ApiAttemptTimeout : p.ApiTotalTimeout / 2;
        ConfigureRetry(o.Retry, p);
        o.CircuitBreaker.SamplingDuration = Max(o.CircuitBreaker.SamplingDuration, 2 * o.AttemptTimeout.Timeout);
    }

    private static void ConfigureContent(HttpStandardResilienceOptions o, ProviderHttpOptions p)
    {
        o.TotalRequestTimeout.Timeout = p.ContentHeadersTimeout * 3;
        o.AttemptTimeout.Timeout = p.ContentHeadersTimeout;
        ConfigureRetry(o.Retry, p);
        o.CircuitBreaker.SamplingDuration = Max(o.CircuitBreaker.SamplingDuration, 2 * o.AttemptTimeout.Timeout);
    }

    private static void ConfigureRetry(HttpRetryStrategyOptions retry, ProviderHttpOptions p)
    {
        retry.MaxRetryAttempts = Math.Max(p.MaxRetries, 1);
        retry.Delay = p.RetryBaseDelay;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        retry.ShouldRetryAfterHeader = true;
        // A long Retry-After is the caller's to schedule (a render job waits without holding a request open).
        retry.ShouldHandle = args => ValueTask.FromResult(
            p.MaxRetries > 0
            && HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !(args.Outcome.Result is { } r && RetryAfterHeader.Read(r) > p.MaxRetryAfterWait));
        retry.DisableForUnsafeHttpMethods();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
