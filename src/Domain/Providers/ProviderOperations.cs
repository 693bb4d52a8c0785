namespace VideoHub.Domain.Providers;

/// <summary>What a model of a provider can do. Stored as an integer; the names are what appsettings.json lists.</summary>
[Flags]
public enum ProviderOperations
{
    None = 0,
    Create = 1,
    ImageReference = 2,
    Characters = 4,
    Remix = 8,
    Edit = 16,
    Extend = 32,
    Batch = 64,
    Webhooks = 128,
    All = Create | ImageReference | Characters | Remix | Edit | Extend | Batch | Webhooks,
}
