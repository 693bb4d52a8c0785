using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Review;
using VideoHub.Features.Review.Notifications;
using VideoHub.Features.Review.Report;
using VideoHub.Tests.Features.Projects;

namespace VideoHub.Tests.Features.Review;

/// <summary>A project with one user per role, a non-member and an admin, over the real app and its SQLite file.</summary>
public abstract class ReviewTestBase : ProjectsTestBase
{
    protected Actor Owner { get; private set; } = null!;
    protected Actor Editor { get; private set; } = null!;
    protected Actor Reviewer { get; private set; } = null!;
    protected Actor Viewer { get; private set; } = null!;
    protected Actor Stranger { get; private set; } = null!;
    protected Actor Admin { get; private set; } = null!;
    protected Guid ProjectId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Owner = await UserAsync("owner");
        Editor = await UserAsync("editor");
        Reviewer = await UserAsync("reviewer");
        Viewer = await UserAsync("viewer");
        Stranger = await UserAsync("stranger");
        Admin = await UserAsync("admin", admin: true);
        ProjectId = await ProjectAsync(Owner, "Review",
            (Editor, ProjectRole.Editor), (Reviewer, ProjectRole.Reviewer), (Viewer, ProjectRole.Viewer));
    }

    protected T Service<T>() where T : notnull => Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();
    protected ReviewService Review => Service<ReviewService>();
    protected ReviewQueueService Queue => Service<ReviewQueueService>();
    protected NotificationService Notifications => Service<NotificationService>();
    protected ReviewReportService Reports => Service<ReviewReportService>();

    protected Actor Who(string role) => role switch
    {
        "Owner" => Owner, "Editor" => Editor, "Reviewer" => Reviewer, "Viewer" => Viewer, "NonMember" => Stranger, "Admin" => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>A finished take row (and its request) by <paramref name="author"/>; a retake names its parent and joins its stack.</summary>
    protected async Task<Video> TakeAsync(Actor? author = null, string prompt = "A lighthouse at dusk", Video? parent = null,
        Guid? project = null, double duration = 4, string model = "sora-2")
    {
        author ??= Editor;
        var projectId = project ?? ProjectId;
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        var request = new RenderRequest
        {
            ProjectId = projectId, AuthorId = author.UserId, AuthorName = author.UserName, Prompt = prompt, ProviderId = "local",
            Model = model, Size = "1280x720", Seconds = 4, State = RenderState.Ready, CreatedAt = now, UpdatedAt = now,
            Operation = parent is null ? RenderOperation.Create : RenderOperation.Remix, ParentVideoId = parent?.Id,
            EstimatedCostUsd = 0.4m, ActualCostUsd = 0.4m,
        };
        var take = new Video
        {
            ProjectId = projectId, RenderRequestId = request.Id, ProviderId = "local", ProviderJobId = "video_" + request.Id.ToString("N"),
            Model = model, Prompt = prompt, DurationSeconds = duration, Width = 1280, Height = 720, CreatedAt = now,
            ParentVideoId = parent?.Id, Operation = request.Operation,
        };
        take.StackId = parent?.StackId ?? take.Id;
        request.VideoId = take.Id;
        await DbAsync(async db =>
        {
            db.RenderRequests.Add(request);
            db.Videos.Add(take);
            return await db.SaveChangesAsync();
        });
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        return take;
    }

    protected Task<Video> ReloadTakeAsync(Guid id) => DbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.Id == id));

    protected Task SetApprovalsRequiredAsync(int n) => DbAsync(async db =>
    {
        var project = await db.Projects.SingleAsync(p => p.Id == ProjectId);
        project.Settings.ApprovalsRequired = n;
        return await db.SaveChangesAsync();
    });

    /// <summary>
    /// "Night shots", a batch of this project with one pending take (beside a take of no batch), and "Secret batch" of
    /// a project only the stranger is in, with one take.
    /// </summary>
    protected async Task<(Guid Batch, Video InBatch, Guid SecretBatch, Video Secret)> TwoBatchesAsync()
    {
        var batch = await BatchAsync(ProjectId, "Night shots", Owner);
        var inBatch = await TakeAsync(prompt: "from the batch");
        await TakeAsync(prompt: "not from the batch");
        await JoinBatchAsync(inBatch.Id, batch);
        var secretProject = await ProjectAsync(Stranger, "Secret");
        var secretBatch = await BatchAsync(secretProject, "Secret batch", Stranger);
        var secret = await TakeAsync(Stranger, prompt: "secret", project: secretProject);
        await JoinBatchAsync(secret.Id, secretBatch);
        return (batch, inBatch, secretBatch, secret);
    }

    /// <summary>A batch row of <paramref name="projectId"/>; <see cref="JoinBatchAsync"/> files a take's request under it.</summary>
    protected async Task<Guid> BatchAsync(Guid projectId, string name, Actor by)
    {
        var batch = new VideoHub.Domain.Batches.Batch { ProjectId = projectId, Name = name, CreatedById = by.UserId, CreatedByName = by.UserName, CreatedAt = Factory.Clock.GetUtcNow().UtcDateTime };
        await DbAsync(async db => { db.Batches.Add(batch); return await db.SaveChangesAsync(); });
        return batch.Id;
    }

    protected Task JoinBatchAsync(Guid videoId, Guid batchId) => DbAsync(async db =>
    {
        var requestId = await db.Videos.Where(v => v.Id == videoId).Select(v => v.RenderRequestId).SingleAsync();
        var request = await db.RenderRequests.SingleAsync(r => r.Id == requestId);
        request.BatchId = batchId;
        return await db.SaveChangesAsync();
    });
}
