using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace VideoHub.Providers;

/// <summary>Encrypts provider API keys and webhook secrets at rest with ASP.NET Core Data Protection.</summary>
public sealed class ProviderSecrets(IDataProtectionProvider protection, ILogger<ProviderSecrets> log)
{
    private readonly IDataProtector protector = protection.CreateProtector("VideoHub.Providers.Secrets.v1");

    public string? Protect(string? secret) => string.IsNullOrEmpty(secret) ? null : protector.Protect(secret);

    /// <summary>The plain secret, or null when none is stored or the keys that protected it are gone.</summary>
    public string? Unprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret)) return null;
        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            log.LogWarning("A stored provider secret can no longer be decrypted (Data Protection keys changed); set it again.");
            return null;
        }
    }
}
