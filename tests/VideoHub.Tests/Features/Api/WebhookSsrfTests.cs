using System.Net;
using VideoHub.Features.Api.Webhooks;
using VideoHub.Features.Projects;

namespace VideoHub.Tests.Features.Api;

/// <summary>A webhook URL cannot reach the intranet: every private target is refused at connect time, redirects included.</summary>
public sealed class WebhookSsrfTests : ApiTestBase
{
    private WebhookReceiver receiver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        receiver = await WebhookReceiver.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/hook", "loopback")]
    [InlineData("http://localhost:{port}/hook", "loopback")]
    [InlineData("http://10.20.30.40/hook", "private")]
    [InlineData("http://192.168.1.10/hook", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://[::1]:{port}/hook", "loopback")]
    public async Task Send_ToAPrivateAddress_IsRefused_WithoutReachingIt(string url, string kind)
    {
        var attempt = await SendAsync(url.Replace("{port}", receiver.Port.ToString()));
        Assert.False(attempt.Succeeded);
        Assert.Null(attempt.Status);
        Assert.Contains(kind, attempt.Error);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task ARedirect_ToAPrivateAddress_IsRefused_EvenFromAnAllowedHost()
    {
        var admin = await UserAsync("admin", admin: true);
        Assert.True((await WithServiceAsync<WebhookService, Result>(s => s.AllowHostAsync(admin, "127.0.0.1"))).Succeeded);
        foreach (var target in new[] { $"http://localhost:{receiver.Port}/inner", "http://10.0.0.5/inner" })
        {
            receiver.RedirectTo = target;
            var attempt = await SendAsync(receiver.Url());
            Assert.False(attempt.Succeeded);
            Assert.Contains("may not reach it", attempt.Error);
        }
        Assert.Equal(["/hook", "/hook"], receiver.Received.Select(r => r.Path));
    }

    [Fact]
    public async Task AnAdminAllowedHost_IsReached()
    {
        var admin = await UserAsync("admin", admin: true);
        Assert.True((await WithServiceAsync<WebhookService, Result>(s => s.AllowHostAsync(admin, "localhost"))).Succeeded);
        var attempt = await SendAsync($"http://localhost:{receiver.Port}/hook");
        Assert.True(attempt.Succeeded, attempt.Error);
        Assert.Single(receiver.Received);
        Assert.False((await WithServiceAsync<WebhookService, Result>(s => s.AllowHostAsync(Owner, "intranet.example"))).Succeeded);
    }

    [Theory]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("ftp://hooks.example.com/")]
    [InlineData("https://user:pass@hooks.example.com/")]
    public async Task Register_APrivateOrMalformedUrl_IsRefusedOnTheForm(string url)
    {
        var result = await WithServiceAsync<WebhookService, Result<CreatedWebhook>>(
            s => s.CreateAsync(Owner, ProjectId, new WebhookInput { Url = url }));
        Assert.False(result.Succeeded);
        Assert.NotNull(result.ErrorFor(nameof(WebhookInput.Url)));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.1.1", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("100.64.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("fd00:ec2::254", true)]
    [InlineData("fe80::1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:4700::1111", false)]
    public void Addresses_AreClassified(string address, bool forbidden) =>
        Assert.Equal(forbidden, WebhookAddressGuard.IsForbidden(IPAddress.Parse(address)));

    private Task<WebhookAttempt> SendAsync(string url) =>
        WithServiceAsync<WebhookSender, WebhookAttempt>(s => s.SendAsync(url, "whsec_" + Convert.ToBase64String(new byte[32]),
            "msg_test", """{"type":"test"}""", CancellationToken.None));
}
