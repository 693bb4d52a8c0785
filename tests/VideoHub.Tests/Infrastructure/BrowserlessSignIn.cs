using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VideoHub.Tests.Infrastructure;

/// <summary>Signs in through the real login form (antiforgery token and cookie included), as a browser would.</summary>
public static partial class BrowserlessSignIn
{
    public static HttpClient AnonymousClient(this VideoHubFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInClientAsync(this VideoHubFactory factory, string email,
        string password = TestPasswords.Default)
    {
        var client = factory.AnonymousClient();
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password,
        bool rememberMe = false)
    {
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password };
        if (rememberMe) fields["Input.RememberMe"] = "true";
        return await PostFormAsync(client, "/Account/Login", "login", fields);
    }

    /// <summary>
    /// Posts a static SSR form as a browser does: loads the page (or <paramref name="tokenFrom"/>) for the
    /// antiforgery token, then sends the token, the form's name and the fields.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName,
        IReadOnlyDictionary<string, string> fields, string? tokenFrom = null)
    {
        var token = await AntiforgeryTokenAsync(client, tokenFrom ?? path);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token, ["_handler"] = formName };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    /// <summary>The path a redirect points to, whether the app wrote it absolute or relative.</summary>
    public static string RedirectPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The value an input field is sent back with ("" when it has none).</summary>
    public static string InputValue(string html, string name)
    {
        var tag = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>");
        if (!tag.Success) throw new InvalidOperationException($"No input {name}");
        var value = Regex.Match(tag.Value, "value=\"([^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
    }

    /// <summary>The page's HTML with entities decoded, so messages can be compared as plain text.</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenInput().Match(html);
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
