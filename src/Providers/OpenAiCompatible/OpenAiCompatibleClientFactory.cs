using Microsoft.Extensions.Options;

namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>Makes clients for endpoints only known at run time (providers live in the database).</summary>
public sealed class OpenAiCompatibleClientFactory(
    IHttpClientFactory httpClients, IOptionsMonitor<ProviderHttpOptions> options, ILoggerFactory loggers)
{
    public OpenAiCompatibleClient Create(OpenAiEndpoint endpoint) => new(
        endpoint,
        httpClients.CreateClient(ProviderHttpClients.Api),
        new ContentStreamer(httpClients.CreateClient(ProviderHttpClients.Content), options.CurrentValue),
        loggers.CreateLogger<OpenAiCompatibleClient>());
}
