using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoHub.Data;

namespace VideoHub.Features.Api.Webhooks;

/// <summary>Thrown at connect time when a webhook would reach an address VideoHub refuses.</summary>
public sealed class WebhookAddressRefusedException(string message) : IOException(message);

/// <summary>
/// Keeps webhooks off the intranet: loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast and
/// unspecified addresses are refused unless an Admin allowed that very host. Checked on the resolved address at
/// connect time, so DNS tricks and redirects meet the same check.
/// </summary>
public sealed class WebhookAddressGuard(IDbContextFactory<VideoHubDbContext> dbFactory, IOptionsMonitor<WebhookOptions> options)
{
    public async Task<bool> IsHostAllowedAsync(string host, CancellationToken ct)
    {
        host = Normalize(host);
        if (options.CurrentValue.AllowedHosts.Any(h => Normalize(h) == host)) return true;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookAllowedHosts.AnyAsync(h => h.Host == host, ct);
    }

    /// <summary>Opens the connection for the handler: resolves, refuses forbidden addresses, connects to the first allowed.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var allowed = await IsHostAllowedAsync(host, ct);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0) throw new WebhookAddressRefusedException($"{host} does not resolve.");
        if (!allowed && addresses.FirstOrDefault(IsForbidden) is { } bad)
            throw new WebhookAddressRefusedException(
                $"{host} resolves to {bad}, a {Describe(bad)} address; webhooks may not reach it unless an admin allows this host.");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsForbidden(IPAddress address) => Describe(address) is not null;

    /// <summary>Why an address is off limits ("loopback", "private", …), or null for a public address.</summary>
    public static string? Describe(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return "loopback";
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 => "unspecified",
                10 => "private",
                100 when b[1] >= 64 && b[1] < 128 => "shared (carrier-grade NAT)",
                127 => "loopback",
                169 when b[1] == 254 => "link-local (cloud metadata)",
                172 when b[1] >= 16 && b[1] < 32 => "private",
                192 when b[1] == 168 => "private",
                192 when b[1] == 0 && b[2] == 0 => "reserved",
                198 when b[1] is 18 or 19 => "reserved",
                >= 224 => "multicast or reserved",
                _ => null,
            };
        }
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return "unspecified";
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal) return "link-local";
        if (address.IsIPv6Multicast) return "multicast";
        var first = address.GetAddressBytes()[0];
        if ((first & 0xFE) == 0xFC) return "private (unique local)";
        return null;
    }

    public static string Normalize(string host) => host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();
}
