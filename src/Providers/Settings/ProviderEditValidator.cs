using System.Text.RegularExpressions;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Providers;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Providers.Settings;

/// <summary>Checks an admin's provider form; the keys of the result name the fields.</summary>
public static partial class ProviderEditValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();

    public static Dictionary<string, string> Validate(ProviderEdit e)
    {
        var errors = new Dictionary<string, string>();
        if (!IdPattern().IsMatch(e.Id ?? "")) errors["Id"] = "Use 1–40 lowercase letters, digits and dashes, e.g. \"litellm\".";
        if (string.IsNullOrWhiteSpace(e.Name) || e.Name.Trim().Length > ProviderDefinition.NameMaxLength)
            errors["Name"] = $"Give the provider a name of at most {ProviderDefinition.NameMaxLength} characters.";
        if (!ProviderKinds.All.Contains(e.Kind)) errors["Kind"] = "Choose one of: " + string.Join(", ", ProviderKinds.All) + ".";
        if (BaseUrlProblem(e) is { } urlProblem) errors["BaseUrl"] = urlProblem;
        if (e.MaxConcurrentRenders is < 1 or > 100) errors["MaxConcurrentRenders"] = "Between 1 and 100.";
        if (e.RequestsPerMinute is < 1 or > 10_000) errors["RequestsPerMinute"] = "Between 1 and 10,000.";
        if (e.ApiKey is { Length: > 4000 }) errors["ApiKey"] = "That API key is too long.";
        if (!string.IsNullOrEmpty(e.WebhookSecret) && !IsWebhookSecret(e.WebhookSecret))
            errors["WebhookSecret"] = "A webhook secret looks like whsec_ followed by base64 (Standard Webhooks).";
        if (e.Enabled is false && e.IsDefault) errors["IsDefault"] = "The default provider must be enabled.";
        ValidateModels(e.Models, errors);
        return errors;
    }

    private static void ValidateModels(List<ProviderModelProfile> models, Dictionary<string, string> errors)
    {
        if (models.Count == 0) { errors["Models"] = "Add at least one model."; return; }
        if (models.Select(m => m.Model).Distinct(StringComparer.Ordinal).Count() != models.Count)
            errors["Models"] = "Each model may be listed only once.";
        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var field = $"Models[{i}]";
            if (string.IsNullOrWhiteSpace(m.Model) || m.Model.Length > ProviderModelProfile.ModelMaxLength)
                errors[$"{field}.Model"] = "Enter the model name the provider expects, e.g. sora-2.";
            if (!m.Supports(ProviderOperations.Create)) errors[$"{field}.Operations"] = "A model must at least support create.";
            if (m.Seconds.Count == 0 || m.Seconds.Any(s => s is < 1 or > 600))
                errors[$"{field}.Seconds"] = "List the clip lengths it renders, each from 1 to 600 seconds.";
            if (m.MaxExtensions is < 0 or > 100) errors[$"{field}.MaxExtensions"] = "From 0 to 100 (0: it cannot extend).";
            if (m.MaxChainSeconds is < 0 or > 3600) errors[$"{field}.MaxChainSeconds"] = "From 0 to 3,600 seconds.";
            if (m.MaxCharacters is < 0 or > 20) errors[$"{field}.MaxCharacters"] = "From 0 to 20.";
            if (m.MaxPromptLength is < 1 or > 1_000_000) errors[$"{field}.MaxPromptLength"] = "Between 1 and 1,000,000 characters.";
            if (m.Sizes.Count == 0) errors[$"{field}.Sizes"] = "Add at least one size with its price.";
            else if (m.Sizes.FirstOrDefault(s => !VideoSize.TryParse(s.Size, out _)) is { } bad)
                errors[$"{field}.Sizes"] = string.IsNullOrWhiteSpace(bad.Size)
                    ? "Fill in every size, as WIDTHxHEIGHT, e.g. 1280x720."
                    : $"“{bad.Size}” is not a size: write WIDTHxHEIGHT, e.g. 1280x720.";
            else if (m.Sizes.Select(s => s.Size.ToLowerInvariant()).Distinct().Count() != m.Sizes.Count)
                errors[$"{field}.Sizes"] = "Each size may be listed only once.";
            else if (m.Sizes.Any(s => s.PricePerSecond < 0 || s.BatchPricePerSecond < 0))
                errors[$"{field}.Sizes"] = "Prices cannot be negative.";
        }
    }

    private static string? BaseUrlProblem(ProviderEdit e)
    {
        if (string.IsNullOrWhiteSpace(e.BaseUrl))
            return e.Kind == ProviderKinds.OpenAiCompatible ? "Enter the provider's base URL, e.g. https://gateway.example/v1." : null;
        if (!Uri.TryCreate(e.BaseUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "Enter a full http:// or https:// address, e.g. https://gateway.example/v1.";
        if (uri.UserInfo.Length > 0) return "Leave credentials out of the URL; put the key in the API key field.";
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0) return "Leave out the ? and # parts; the base URL is only the address, e.g. https://gateway.example/v1.";
        return null;
    }

    private static bool IsWebhookSecret(string secret)
    {
        if (!secret.StartsWith(StandardWebhooks.SecretPrefix, StringComparison.Ordinal)) return false;
        var encoded = secret[StandardWebhooks.SecretPrefix.Length..];
        var buffer = new byte[encoded.Length];
        return encoded.Length >= 16 && Convert.TryFromBase64String(encoded, buffer, out var written) && written >= 16;
    }
}
