namespace VideoHub.Domain.Providers;

/// <summary>
/// A video provider VideoHub can send renders to. Seeded from appsettings.json, then edited by admins; the database
/// is the truth. Secrets are stored only in their Data Protection form and never leave the server.
/// </summary>
public class ProviderDefinition
{
    public const int IdMaxLength = 40;
    public const int NameMaxLength = 80;

    /// <summary>A stable slug ("local", "litellm") used in URLs such as the webhook receiver's.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>One of <see cref="ProviderKinds"/>.</summary>
    public string Kind { get; set; } = ProviderKinds.OpenAiCompatible;
    /// <summary>Base URL ending in /v1; empty for the built-in local provider (it is reached at the app's own address).</summary>
    public string? BaseUrl { get; set; }
    public bool Enabled { get; set; } = true;
    public bool IsDefault { get; set; }
    public string? ApiKeyProtected { get; set; }
    public string? WebhookSecretProtected { get; set; }
    public int MaxConcurrentRenders { get; set; } = 2;
    public int RequestsPerMinute { get; set; } = 25;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ProviderModelProfile> Models { get; set; } = [];

    public bool HasApiKey => ApiKeyProtected is not null;
    public bool HasWebhookSecret => WebhookSecretProtected is not null;
}

public static class ProviderKinds
{
    /// <summary>The built-in local provider, spoken to over HTTP through the openai-compatible client.</summary>
    public const string Local = "local";
    public const string OpenAiCompatible = "openai-compatible";

    public static readonly IReadOnlyList<string> All = [Local, OpenAiCompatible];
}
