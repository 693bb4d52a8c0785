using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace VideoHub.Providers.Local;

/// <summary>
/// The API key of the local provider: LocalProvider:ApiKey when set, otherwise a random key generated at first use
/// and kept in the provider's folder (owner-only permissions) so it survives restarts. Never logged.
/// </summary>
public sealed class LocalProviderKey(IOptions<LocalProviderOptions> options, LocalProviderPaths paths)
{
    private readonly Lock gate = new();
    private string? key;

    public string Value
    {
        get
        {
            if (key is not null) return key;
            lock (gate) return key ??= Resolve();
        }
    }

    /// <summary>Constant-time check of a presented key.</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(Value)));

    private string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ApiKey)) return options.Value.ApiKey.Trim();
        if (File.Exists(paths.KeyFile))
        {
            var stored = File.ReadAllText(paths.KeyFile).Trim();
            if (stored.Length > 0) return stored;
        }
        var generated = "sk-local-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Directory.CreateDirectory(paths.Root);
        AtomicFile.WriteAllBytes(paths.KeyFile, Encoding.UTF8.GetBytes(generated), ownerOnly: true);
        return generated;
    }
}
