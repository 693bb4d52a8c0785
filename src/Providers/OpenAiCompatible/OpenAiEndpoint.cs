namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>
/// Where an openai-compatible provider lives: its base URL (ending in /v1), its API key, and any extra headers a
/// gateway wants on every request. The key is only ever put in the Authorization header.
/// </summary>
public sealed record OpenAiEndpoint(string ProviderId, Uri BaseUrl, string? ApiKey)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The base URL with a trailing slash, so relative paths append instead of replacing the last segment.</summary>
    public Uri Root { get; } = BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    public Uri Resolve(string relativePath) => new(Root, relativePath);

    public override string ToString() => $"{ProviderId} at {BaseUrl}"; // never the key
}
