using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Tests.Features.Api;

/// <summary>One request the receiver got, and whether its Standard Webhooks signature verified with the secret.</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Body, WebhookVerification Verification);

/// <summary>
/// A webhook receiver on a loopback port, as a customer would write it: it verifies the signature with the secret it
/// was given; the test sets what it answers (a status, or a redirect).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();
    public string Secret { get; set; } = "";
    public int Status { get; set; } = 200;
    public string? RedirectTo { get; set; }
    public int Port { get; }

    private WebhookReceiver(WebApplication app, int port) => (this.app, Port) = (app, port);

    public string Url(string path = "/hook") => $"http://127.0.0.1:{Port}{path}";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.Run(async http =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var h = http.Request.Headers;
            var verification = StandardWebhooks.Verify(receiver!.Secret, h["webhook-id"], h["webhook-timestamp"], h["webhook-signature"],
                buffer.ToArray(), DateTimeOffset.UtcNow);
            receiver.Received.Enqueue(new ReceivedWebhook(http.Request.Path, h["webhook-id"].ToString(),
                System.Text.Encoding.UTF8.GetString(buffer.ToArray()), verification));
            if (receiver.RedirectTo is { } to)
            {
                http.Response.StatusCode = 307;
                http.Response.Headers.Location = to;
                return;
            }
            http.Response.StatusCode = receiver.Status;
            await http.Response.WriteAsync(receiver.Status < 300 ? "thanks" : "receiver is down");
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        receiver = new WebhookReceiver(app, port);
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
