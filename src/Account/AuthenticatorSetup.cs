using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using QRCoder;

namespace VideoHub.Account;

/// <summary>The key and QR code an authenticator app needs to add VideoHub (RFC 6238 TOTP, otpauth URI).</summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "VideoHub";

    /// <summary>The key in groups of four, lower case, as people type it into an app.</summary>
    public static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) result.Append(' ');
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return result.ToString().ToLowerInvariant();
    }

    public static string OtpAuthUri(string account, string key) => string.Format(CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
        UrlEncoder.Default.Encode(Issuer), UrlEncoder.Default.Encode(account), key);

    /// <summary>A PNG data URI (the content security policy allows data: images; no script needed).</summary>
    public static string QrCodeDataUri(string otpAuthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpAuthUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
