using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace VideoHub.Providers.Local;

/// <summary>
/// How VideoHub reaches the local provider mounted in itself: LocalProvider:BaseUrl when set, otherwise the app's
/// own listening address (known once Kestrel has started; a wildcard host becomes loopback) plus the mount path.
/// </summary>
public sealed class LocalProviderAddress(IServer server, IOptions<LocalProviderOptions> options)
{
    public const string MountPath = "/local-provider/v1";

    public Uri? TryGetBaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl)) return new Uri(options.Value.BaseUrl);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault();
        if (chosen is null) return null;
        var builder = new UriBuilder(chosen.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (builder.Host is "0.0.0.0" or "[::]" or "::") builder.Host = "127.0.0.1";
        builder.Path = MountPath;
        return builder.Uri;
    }
}
