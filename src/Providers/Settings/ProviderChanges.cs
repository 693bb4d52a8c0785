using VideoHub.Domain.Providers;

namespace VideoHub.Providers.Settings;

/// <summary>A one-line audit summary of a provider edit. Secrets are named ("API key replaced"), never shown.</summary>
public static class ProviderChanges
{
    public static string Describe(ProviderDefinition before, ProviderEdit after, bool isNew)
    {
        var parts = new List<string>();
        if (isNew) parts.Add($"kind {after.Kind}");
        if (!isNew && before.Name != after.Name) parts.Add($"name '{before.Name}' → '{after.Name}'");
        if (!isNew && before.Kind != after.Kind) parts.Add($"kind {before.Kind} → {after.Kind}");
        if ((before.BaseUrl ?? "") != (after.BaseUrl ?? "").Trim()) parts.Add($"base URL {after.BaseUrl ?? "(app address)"}");
        if (!isNew && before.Enabled != after.Enabled) parts.Add(after.Enabled ? "enabled" : "disabled");
        if (after.IsDefault && !before.IsDefault) parts.Add("made default");
        if (after.ClearApiKey) parts.Add("API key removed");
        else if (!string.IsNullOrEmpty(after.ApiKey)) parts.Add(before.HasApiKey ? "API key replaced" : "API key set");
        if (after.ClearWebhookSecret) parts.Add("webhook secret removed");
        else if (!string.IsNullOrEmpty(after.WebhookSecret)) parts.Add(before.HasWebhookSecret ? "webhook secret replaced" : "webhook secret set");
        if (before.MaxConcurrentRenders != after.MaxConcurrentRenders) parts.Add($"concurrency {after.MaxConcurrentRenders}");
        if (before.RequestsPerMinute != after.RequestsPerMinute) parts.Add($"{after.RequestsPerMinute} requests/min");
        parts.Add("models " + string.Join(", ", after.Models.Select(m => m.Model)));
        return string.Join("; ", parts);
    }
}
