using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Review;

/// <summary>Review pages and components rendered by bunit as the project's Reviewer, over the real services.</summary>
public abstract class ReviewBunitTestBase : ReviewTestBase
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    protected MudTestContext Test { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Test = new MudTestContext(Factory, Reviewer.UserId, "reviewer");
    }

    public override async Task DisposeAsync()
    {
        await Test.DisposeAsync();
        await base.DisposeAsync();
    }
}
