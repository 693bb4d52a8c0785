using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VideoHub.Tests.Providers.Infrastructure;

/// <summary>
/// A tiny loopback HTTP server answering from a script, counting requests: for answers the local provider would
/// never give (extra fields, unknown statuses) and for exact retry counts.
/// </summary>
public sealed class CannedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> requests = new();

    private CannedServer(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public IReadOnlyCollection<string> Requests => requests;

    public static async Task<CannedServer> StartAsync(Func<HttpContext, int, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new CannedServer(app);
        app.Run(async http =>
        {
            server.requests.Enqueue($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
            await answer(http, server.requests.Count);
        });
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1");
        return server;
    }

    public static Task Json(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
