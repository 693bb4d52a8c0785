namespace VideoHub.Domain.Providers;

/// <summary>
/// The capability profile of one model of a provider: what the request form, the pre-check and the cost estimate
/// are driven by (DESIGN §1, §4), never constants in pages.
/// </summary>
public class ProviderModelProfile
{
    public const int ModelMaxLength = 100;

    public long Id { get; set; }
    public string ProviderId { get; set; } = "";
    /// <summary>The model name as the wire format writes it ("sora-2-pro").</summary>
    public string Model { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public ProviderOperations Operations { get; set; } = ProviderOperations.All;
    /// <summary>Allowed clip lengths in seconds (also the allowed extension segment lengths).</summary>
    public List<int> Seconds { get; set; } = [4, 8, 12, 16, 20];
    public int MaxExtensions { get; set; } = 6;
    public int MaxChainSeconds { get; set; } = 120;
    public int MaxCharacters { get; set; } = 2;
    public int MaxPromptLength { get; set; } = 32_000;
    /// <summary>Allowed sizes, each with its price per second of output.</summary>
    public List<ProviderModelSize> Sizes { get; set; } = [];

    public bool Supports(ProviderOperations operation) => (Operations & operation) == operation;

    public ProviderModelSize? FindSize(string size) =>
        Sizes.FirstOrDefault(s => string.Equals(s.Size, size, StringComparison.OrdinalIgnoreCase));

    /// <summary>The estimated price of a render, or null when the size is not offered.</summary>
    public decimal? EstimateCost(string size, int seconds, bool batch = false) =>
        FindSize(size) is { } s ? (batch ? s.BatchPricePerSecond : s.PricePerSecond) * seconds : null;
}

/// <summary>One size a model renders ("1280x720") and what a second of it costs, standard and through a batch.</summary>
public class ProviderModelSize
{
    public string Size { get; set; } = "";
    public decimal PricePerSecond { get; set; }
    public decimal BatchPricePerSecond { get; set; }
}
