using VideoHub.Domain.Providers;

namespace VideoHub.Providers;

/// <summary>
/// The "Providers" section of appsettings.json: the providers and model profiles a fresh install starts with.
/// They are copied into the database once (by id); from then on admins edit them there.
/// </summary>
public sealed class ProvidersOptions
{
    public const string Section = "Providers";

    /// <summary>The id of the provider renders go to unless a project or request says otherwise.</summary>
    public string Default { get; set; } = ProviderKinds.Local;
    public Dictionary<string, ProviderSeed> Definitions { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class ProviderSeed
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = ProviderKinds.OpenAiCompatible;
    public string? BaseUrl { get; set; }
    /// <summary>Stored encrypted at seeding; prefer an environment variable (Providers__Definitions__ID__ApiKey).</summary>
    public string? ApiKey { get; set; }
    public string? WebhookSecret { get; set; }
    public bool Enabled { get; set; } = true;
    public int MaxConcurrentRenders { get; set; } = 2;
    public int RequestsPerMinute { get; set; } = 25;
    public Dictionary<string, ModelSeed> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class ModelSeed
{
    public List<ProviderOperations> Operations { get; set; } = [];
    public List<int> Seconds { get; set; } = [];
    public int MaxExtensions { get; set; } = 6;
    public int MaxChainSeconds { get; set; } = 120;
    public int MaxCharacters { get; set; } = 2;
    public int MaxPromptLength { get; set; } = 32_000;
    public Dictionary<string, SizePrice> Sizes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class SizePrice
{
    public decimal PricePerSecond { get; set; }
    public decimal BatchPricePerSecond { get; set; }
}
