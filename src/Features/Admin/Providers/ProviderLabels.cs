using System.Globalization;
using MudBlazor;
using VideoHub.Domain.Providers;
using VideoHub.Providers.Settings;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Features.Admin.Providers;

/// <summary>How the Providers page names kinds and operations and writes limits, prices and addresses.</summary>
public static class ProviderLabels
{
    public static readonly IReadOnlyList<(ProviderOperations Operation, string Label)> Operations =
    [
        (ProviderOperations.Create, "Create"),
        (ProviderOperations.ImageReference, "Image reference"),
        (ProviderOperations.Characters, "Characters"),
        (ProviderOperations.Remix, "Remix"),
        (ProviderOperations.Edit, "Edit"),
        (ProviderOperations.Extend, "Extend"),
        (ProviderOperations.Batch, "Batch"),
        (ProviderOperations.Webhooks, "Webhooks"),
    ];

    public static string Kind(string kind) => kind switch
    {
        ProviderKinds.Local => "Local (built in)",
        ProviderKinds.OpenAiCompatible => "OpenAI-compatible",
        _ => kind,
    };

    public static string KindIcon(string kind) =>
        kind == ProviderKinds.Local ? Icons.Material.Outlined.Dns : Icons.Material.Outlined.Cloud;

    public static string OperationList(ProviderOperations operations) =>
        operations == ProviderOperations.All ? "all operations"
            : string.Join(", ", Operations.Where(o => (operations & o.Operation) != 0).Select(o => o.Label.ToLowerInvariant()));

    public static string Price(decimal perSecond) => "$" + perSecond.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Seconds(IEnumerable<int> seconds) => string.Join(", ", seconds) + " s";

    /// <summary>One line per model for its tooltip on the card.</summary>
    public static string ModelSummary(ProviderModelProfile m) =>
        $"{Seconds(m.Seconds)} · {string.Join(", ", m.Sizes.Select(s => $"{s.Size} {Price(s.PricePerSecond)}/s"))} · {OperationList(m.Operations)}";

    /// <summary>Where a provider sends its signed webhooks, on the address the admin is using now.</summary>
    public static string WebhookUrl(string baseUri, string providerId) =>
        new Uri(new Uri(baseUri), ProviderWebhookEndpoint.Path.Replace("{providerId}", Uri.EscapeDataString(providerId))).ToString();

    /// <summary>The built-in provider's address on this app, for SDKs and gateways.</summary>
    public static string LocalProviderUrl(string baseUri) =>
        new Uri(new Uri(baseUri), VideoHub.Providers.Local.LocalProviderAddress.MountPath).ToString();

    public static string LastTest(ProviderConnectionTest test) => test.Succeeded
        ? $"Connected in {test.Latency?.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) ?? "?"} ms"
        : test.Message;
}
