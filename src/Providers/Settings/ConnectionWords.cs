namespace VideoHub.Providers.Settings;

/// <summary>What a failed connection test means, in words an admin can act on, followed by the provider's own.</summary>
public static class ConnectionWords
{
    public static string Explain(ProviderError error)
    {
        var meaning = error.Kind switch
        {
            ProviderErrorKind.Unauthorized => "The provider refused the API key: it is missing, wrong or lacks access.",
            ProviderErrorKind.NotFound => "The address answered, but has no video API there. Check that the base URL ends in /v1.",
            ProviderErrorKind.RateLimited => "The provider is limiting requests right now" +
                (error.RetryAfter is { } wait ? $"; try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s." : "; try again shortly."),
            ProviderErrorKind.RejectedByPolicy => "The provider refused the request under its content policy.",
            ProviderErrorKind.ServerError => "The provider had an internal error.",
            ProviderErrorKind.Timeout => "The provider did not answer in time.",
            ProviderErrorKind.Interrupted => "The connection dropped before the answer was complete.",
            ProviderErrorKind.Unreachable => "The provider could not be reached: nothing answers at that address, or the host name is unknown.",
            ProviderErrorKind.ProtocolError => "Something answered, but not in the OpenAI Videos format. Check the base URL.",
            _ => "The provider refused the request.",
        };
        var status = error.StatusCode is { } code ? $"HTTP {code}" : null;
        var own = string.IsNullOrWhiteSpace(error.Message) || meaning.Contains(error.Message, StringComparison.Ordinal)
            ? null : $"“{error.Message.Trim()}”";
        var detail = string.Join(": ", new[] { status, own }.Where(p => p is not null));
        return detail.Length == 0 ? meaning : $"{meaning} ({detail})";
    }
}
