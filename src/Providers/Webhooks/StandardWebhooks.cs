using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VideoHub.Providers.Webhooks;

public enum WebhookVerification { Valid, MissingHeaders, InvalidTimestamp, TimestampTooOld, TimestampTooNew, InvalidSignature }

/// <summary>
/// Standard Webhooks, symmetric variant (reference §6): the signed content is "{webhook-id}.{webhook-timestamp}.{body}"
/// over the exact body bytes; the key is the base64 part of a "whsec_" secret; a signature is
/// "v1,base64(HMAC-SHA256)" and the header may hold several, space-separated (key rotation).
/// </summary>
public static class StandardWebhooks
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(Hmac(Key(secret), id, timestamp, body));

    public static WebhookVerification Verify(string secret, string? id, string? timestamp, string? signatures,
        ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
            return WebhookVerification.MissingHeaders;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt))
            return WebhookVerification.InvalidTimestamp;
        var allowed = (long)(tolerance ?? DefaultTolerance).TotalSeconds;
        var age = now.ToUnixTimeSeconds() - sentAt;
        if (age > allowed) return WebhookVerification.TimestampTooOld;
        if (age < -allowed) return WebhookVerification.TimestampTooNew;

        var expected = Hmac(Key(secret), id, sentAt, body);
        Span<byte> presented = stackalloc byte[64];
        var valid = false;
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith("v1,", StringComparison.Ordinal)) continue;
            // Check every entry (no early exit), each in constant time.
            if (Convert.TryFromBase64String(entry[3..], presented, out var written)
                && CryptographicOperations.FixedTimeEquals(presented[..written], expected))
                valid = true;
        }
        return valid ? WebhookVerification.Valid : WebhookVerification.InvalidSignature;
    }

    /// <summary>The HMAC key: base64 after the whsec_ prefix; a secret that is not base64 is used as its UTF-8 bytes.</summary>
    private static byte[] Key(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try { return Convert.FromBase64String(encoded); }
        catch (FormatException) { return Encoding.UTF8.GetBytes(secret); }
    }

    private static byte[] Hmac(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
