using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Gallery;
using VideoHub.Features.Gallery.Components;
using VideoHub.Hosting;

namespace VideoHub.Bench;

/// <summary>
/// The gallery's first screen on 100,000 takes in the real app: what the server does for it (filter choices, count,
/// the first keyset page, the cards rendered to HTML) against the bare SQL of that page, p50/p95 over many runs;
/// then the same for a page 50,000 cards down.
/// </summary>
public static class GalleryBenchmark
{
    public const int Takes = 100_000;
    private const int Runs = 60;

    public static async Task RunAsync()
    {
        var folder = BenchProvider.TempFolder("gallery");
        await using var app = await BenchApp.StartAsync(folder);
        try
        {
            var (admin, projectId) = await BenchApp.SeedUserAndProjectAsync(app.Services);
            var seeding = Stopwatch.StartNew();
            await SeedTakesAsync(app.Services, projectId);
            Console.WriteLine($"Gallery on {Takes:N0} takes (seeded in {seeding.Elapsed.TotalSeconds:0.0} s), {Runs} runs each, {Environment.ProcessorCount} cores");

            await using var scope = app.Services.CreateAsyncScope();
            var gallery = scope.ServiceProvider.GetRequiredService<GalleryService>();
            var connection = app.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContext().Database.GetConnectionString()!;
            await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
            var filters = new GalleryFilters();

            var bare = await TimeAsync(() => BareFirstPageAsync(connection, null));
            var server = await TimeAsync(async () =>
            {
                await gallery.ChoicesAsync(admin);
                await gallery.CountAsync(admin, filters);
                var page = await gallery.PageAsync(admin, filters, null, 48);
                await renderer.Dispatcher.InvokeAsync(async () =>
                    (await renderer.RenderComponentAsync<CardsHost>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Cards"] = page.Items }))).ToHtmlString());
            });
            var deepCursor = await gallery.CursorBeforeAsync(admin, filters, 50_000);
            var bareDeep = await TimeAsync(() => BareFirstPageAsync(connection, deepCursor));
            var serverDeep = await TimeAsync(async () =>
            {
                var cursor = await gallery.CursorBeforeAsync(admin, filters, 50_000);
                await gallery.PageAsync(admin, filters, cursor, 48);
            });
            Report("first screen: server (choices + count + page + 48 cards to HTML)", server, "bare SQL of the page", bare);
            Report("page at card 50,000: server (cursor lookup + keyset page)", serverDeep, "bare SQL keyset page", bareDeep);
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static void Report(string what, List<double> server, string baseline, List<double> bare)
    {
        Console.WriteLine($"  {what}: p50 {P(server, 50):0.0} ms, p95 {P(server, 95):0.0} ms");
        Console.WriteLine($"  {baseline}: p50 {P(bare, 50):0.0} ms, p95 {P(bare, 95):0.0} ms   ratio p50 {P(server, 50) / P(bare, 50):0.0}x, p95 {P(server, 95) / P(bare, 95):0.0}x");
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static async Task<List<double>> TimeAsync(Func<Task> run)
    {
        for (var i = 0; i < 5; i++) await run(); // warm-up
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    /// <summary>The same page straight from SQLite: the floor any gallery code could reach.</summary>
    private static async Task BareFirstPageAsync(string connectionString, string? cursor)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var where = "";
        if (cursor is not null)
        {
            var parts = cursor.Split('|');
            where = "WHERE CreatedAt < $at OR (CreatedAt = $at AND Id < $id)";
            command.Parameters.AddWithValue("$at", new DateTime(long.Parse(parts[0]), DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF"));
            command.Parameters.AddWithValue("$id", Guid.ParseExact(parts[1], "N").ToString().ToUpperInvariant());
        }
        command.CommandText = $"SELECT Id, ProjectId, Model, substr(Prompt, 1, 300), DurationSeconds, Width, Height, ReviewState, IsPicked, IsFavourite, CreatedAt, SpritesheetKey FROM Videos {where} ORDER BY CreatedAt DESC, Id DESC LIMIT 49";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { _ = reader.GetString(0); _ = reader.GetString(3); }
    }

    private static async Task SeedTakesAsync(IServiceProvider services, Guid projectId)
    {
        var factory = services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string[] words = ["red", "car", "forest", "city", "night", "dawn", "ocean", "robot", "dancer", "storm", "neon", "desert"];
        for (var batch = 0; batch < Takes / 5000; batch++)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch * 5000; i < (batch + 1) * 5000; i++)
            {
                var at = start.AddSeconds(i * 37);
                var prompt = $"A {words[i % 12]} {words[(i / 12) % 12]} scene with a {words[(i / 144) % 12]} at {words[(i / 7) % 12]}, take {i}";
                var request = new RenderRequest { ProjectId = projectId, AuthorId = "bench", AuthorName = "bench", Prompt = prompt, ProviderId = "local",
                    Model = i % 3 == 0 ? "sora-2-pro" : "sora-2", Size = "1280x720", Seconds = 4, State = RenderState.Ready, CreatedAt = at, UpdatedAt = at };
                var video = new Video { ProjectId = projectId, RenderRequestId = request.Id, ProviderId = "local", ProviderJobId = "j", Model = request.Model,
                    Prompt = prompt, VideoKey = "none", ThumbnailKey = "t", SpritesheetKey = "s", DurationSeconds = 4 + i % 9, Width = i % 4 == 0 ? 720 : 1280,
                    Height = i % 4 == 0 ? 1280 : 720, ReviewState = (ReviewState)(i % 4), CreatedAt = at };
                video.StackId = video.Id;
                request.VideoId = video.Id;
                db.RenderRequests.Add(request);
                db.Videos.Add(video);
            }
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The grid's cards, as the first screen renders them.</summary>
    private sealed class CardsHost : ComponentBase
    {
        [Parameter] public IReadOnlyList<GalleryCard> Cards { get; set; } = [];

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            foreach (var card in Cards)
            {
                builder.OpenComponent<TakeCard>(0);
                builder.AddComponentParameter(1, nameof(TakeCard.Card), card);
                builder.AddComponentParameter(2, nameof(TakeCard.CanFlag), true);
                builder.AddComponentParameter(3, nameof(TakeCard.Selectable), true);
                builder.SetKey(card.Id);
                builder.CloseComponent();
            }
        }
    }
}

/// <summary>The real app on a loopback port with its own data folder, for the gallery and media benchmarks.</summary>
public static class BenchApp
{
    public static async Task<WebApplication> StartAsync(string folder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(VideoHubPipeline).Assembly.GetName().Name,
            Args = ["--contentRoot", RepositoryRoot(), "--urls", "http://127.0.0.1:0", "--Data:Path", folder, "--environment", "Production",
                    "--Logging:LogLevel:Default", "Warning", "--Rendering:SchedulerEnabled", "false"],
        });
        builder.AddVideoHub();
        var app = builder.Build();
        app.MapVideoHub();
        await app.StartAsync();
        return app;
    }

    public static string BaseUrl(WebApplication app) => app.Urls.First();

    public static async Task<(Actor Admin, Guid ProjectId)> SeedUserAndProjectAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "bench@example.com", Email = "bench@example.com", EmailConfirmed = true, DisplayName = "bench", CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, "correct horse battery staple");
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        var project = new Project { Name = "Benchmark", NameKey = Project.KeyFor("Benchmark"), CreatedAt = DateTime.UtcNow, CreatedById = user.Id };
        project.Members.Add(new ProjectMember { UserId = user.Id, Role = ProjectRole.Owner, AddedAt = DateTime.UtcNow });
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return (new Actor(user.Id, "bench", false), project.Id);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VideoHub.csproj"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
