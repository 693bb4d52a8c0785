using VideoHub.Domain.Providers;

namespace VideoHub.Providers.Settings;

/// <summary>A provider as pages see it: secrets appear only as "is set", never as values or ciphertext.</summary>
public sealed record ProviderSummary(
    string Id,
    string Name,
    string Kind,
    string? BaseUrl,
    bool Enabled,
    bool IsDefault,
    bool HasApiKey,
    bool HasWebhookSecret,
    int MaxConcurrentRenders,
    int RequestsPerMinute,
    DateTime UpdatedAt,
    IReadOnlyList<ProviderModelProfile> Models,
    ProviderConnectionTest? LastTest = null)
{
    public static ProviderSummary From(ProviderDefinition p) => new(p.Id, p.Name, p.Kind, p.BaseUrl, p.Enabled, p.IsDefault,
        p.HasApiKey, p.HasWebhookSecret, p.MaxConcurrentRenders, p.RequestsPerMinute, p.UpdatedAt,
        p.Models.OrderBy(m => m.Model, StringComparer.Ordinal).ToList());

    public ProviderModelProfile? FindModel(string model) =>
        Models.FirstOrDefault(m => string.Equals(m.Model, model, StringComparison.Ordinal));
}

/// <summary>
/// What an admin submits. A null <see cref="ApiKey"/> or <see cref="WebhookSecret"/> keeps the stored one (the form
/// never shows it); the Clear flags remove it.
/// </summary>
public sealed class ProviderEdit
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = ProviderKinds.OpenAiCompatible;
    public string? BaseUrl { get; set; }
    public bool Enabled { get; set; } = true;
    public bool IsDefault { get; set; }
    public string? ApiKey { get; set; }
    public bool ClearApiKey { get; set; }
    public string? WebhookSecret { get; set; }
    public bool ClearWebhookSecret { get; set; }
    public int MaxConcurrentRenders { get; set; } = 2;
    public int RequestsPerMinute { get; set; } = 25;
    public List<ProviderModelProfile> Models { get; set; } = [];

    public static ProviderEdit From(ProviderSummary p) => new()
    {
        Id = p.Id, Name = p.Name, Kind = p.Kind, BaseUrl = p.BaseUrl, Enabled = p.Enabled, IsDefault = p.IsDefault,
        MaxConcurrentRenders = p.MaxConcurrentRenders, RequestsPerMinute = p.RequestsPerMinute,
        Models = p.Models.Select(m => new ProviderModelProfile
        {
            Model = m.Model, Enabled = m.Enabled, Operations = m.Operations, Seconds = [.. m.Seconds],
            MaxExtensions = m.MaxExtensions, MaxChainSeconds = m.MaxChainSeconds, MaxCharacters = m.MaxCharacters,
            MaxPromptLength = m.MaxPromptLength,
            Sizes = m.Sizes.Select(s => new ProviderModelSize
            {
                Size = s.Size, PricePerSecond = s.PricePerSecond, BatchPricePerSecond = s.BatchPricePerSecond,
            }).ToList(),
        }).ToList(),
    };
}

/// <summary>The outcome of an admin action: done, or field errors to show on the form (nothing changed).</summary>
public sealed record ProviderSettingsResult(bool Succeeded, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly ProviderSettingsResult Ok = new(true, new Dictionary<string, string>());
    public static ProviderSettingsResult Fail(string field, string message) => new(false, new Dictionary<string, string> { [field] = message });
    public static ProviderSettingsResult Fail(Dictionary<string, string> errors) => new(false, errors);
}

/// <summary>
/// What "test connection" found: the round-trip time when it worked, otherwise the typed error and a sentence in
/// plain words. The last one per provider is kept in the audit log, so the page shows it after a restart too.
/// </summary>
public sealed record ProviderConnectionTest(
    bool Succeeded,
    string Message,
    DateTime TestedAt,
    TimeSpan? Latency = null,
    ProviderErrorKind? ErrorKind = null);
