using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using VideoHub.Domain.Api;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Gallery;
using VideoHub.Domain.Lineage;
using VideoHub.Domain.Notifications;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;

namespace VideoHub.Data;

/// <summary>
/// The one model for every database. Provider-specific details stay out of the configurations, so a PostgreSQL
/// context can derive from this one and keep its own migrations folder (DESIGN §7).
/// </summary>
public class VideoHubDbContext(DbContextOptions<VideoHubDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ProviderDefinition> Providers => Set<ProviderDefinition>();
    public DbSet<ProviderModelProfile> ProviderModels => Set<ProviderModelProfile>();
    public DbSet<ProviderWebhookDelivery> ProviderWebhookDeliveries => Set<ProviderWebhookDelivery>();
    public DbSet<PolicyRule> PolicyRules => Set<PolicyRule>();
    public DbSet<RenderRequest> RenderRequests => Set<RenderRequest>();
    public DbSet<RenderEvent> RenderEvents => Set<RenderEvent>();
    public DbSet<Video> Videos => Set<Video>();
    public DbSet<CatalogItem> CatalogItems => Set<CatalogItem>();
    public DbSet<CatalogItemVersion> CatalogItemVersions => Set<CatalogItemVersion>();
    public DbSet<CatalogRegistration> CatalogRegistrations => Set<CatalogRegistration>();
    public DbSet<RenderRequestCatalogItem> RenderRequestCatalogItems => Set<RenderRequestCatalogItem>();
    public DbSet<CatalogItemProject> CatalogItemProjects => Set<CatalogItemProject>();
    public DbSet<CatalogRightsChange> CatalogRightsChanges => Set<CatalogRightsChange>();
    public DbSet<Batch> Batches => Set<Batch>();
    public DbSet<BatchRow> BatchRows => Set<BatchRow>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();
    public DbSet<ReviewCommentMention> ReviewCommentMentions => Set<ReviewCommentMention>();
    public DbSet<Collection> Collections => Set<Collection>();
    public DbSet<CollectionItem> CollectionItems => Set<CollectionItem>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<Storyboard> Storyboards => Set<Storyboard>();
    public DbSet<StoryboardShot> StoryboardShots => Set<StoryboardShot>();
    public DbSet<SequencePart> SequenceParts => Set<SequencePart>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAllowedHost> WebhookAllowedHosts => Set<WebhookAllowedHost>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VideoHubDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.ProjectConfiguration).Namespace);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; Identity's LockoutEnd is one.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
