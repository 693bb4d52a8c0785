using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace VideoHub.Features.Gallery.Sharing;

/// <summary>Share tokens: 32 random bytes in base64url; only their SHA-256 is stored.</summary>
public static class ShareTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored hash of a well-formed token; null for anything else, which then matches no link.</summary>
    public static string? HashOf(string? token)
    {
        if (token is null || token.Length != 43 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }
}
