using VideoHub.Domain.Policy;
using VideoHub.Features.Policy;
using VideoHub.Providers;

namespace VideoHub.Tests.Features.Policy;

public sealed class ProviderErrorMappingTests
{
    [Fact]
    public void ModerationBlocked_BecomesABlockInPlainWords()
    {
        var error = new ProviderError(ProviderErrorKind.InvalidRequest, "Your request was blocked by our moderation system.",
            Code: "moderation_blocked", StatusCode: 400);
        var f = PolicyFindings.FromProviderError(error, "OpenAI");
        Assert.Equal(FindingSeverity.Block, f.Severity);
        Assert.Equal(FindingCategory.Provider, f.Category);
        Assert.Equal("OpenAI's content policy refused this request. It said: “Your request was blocked by our moderation system.”", f.Message);
        Assert.NotNull(f.SuggestedFix);
    }

    [Fact]
    public void RejectedByPolicyKind_IsAlsoAContentRefusal() =>
        Assert.StartsWith("The provider's content policy refused",
            PolicyFindings.FromProviderError(new ProviderError(ProviderErrorKind.RejectedByPolicy, "")).Message);

    [Theory]
    [InlineData("size", "OpenAI did not accept the size. It said: “Invalid size 1920x1080.”", "Choose a size the model offers.")]
    [InlineData("input_reference", "OpenAI did not accept the image reference. It said: “Invalid size 1920x1080.”", "Use a JPEG, PNG or WebP image of exactly the video's size.")]
    [InlineData(null, "OpenAI did not accept the request. It said: “Invalid size 1920x1080.”", null)]
    public void InvalidRequest_NamesTheParameterInPlainWords(string? param, string message, string? fix)
    {
        var f = PolicyFindings.FromProviderError(new ProviderError(ProviderErrorKind.InvalidRequest, "Invalid size 1920x1080.", param), "OpenAI");
        Assert.Equal(FindingSeverity.Block, f.Severity);
        Assert.Equal(message, f.Message);
        Assert.Equal(fix, f.SuggestedFix);
    }

    [Theory]
    [InlineData(ProviderErrorKind.RateLimited, FindingSeverity.Warn)]
    [InlineData(ProviderErrorKind.ServerError, FindingSeverity.Warn)]
    [InlineData(ProviderErrorKind.Timeout, FindingSeverity.Warn)]
    [InlineData(ProviderErrorKind.Unauthorized, FindingSeverity.Block)]
    [InlineData(ProviderErrorKind.NotFound, FindingSeverity.Block)]
    public void OtherErrors_MapToTheSameShape(ProviderErrorKind kind, FindingSeverity severity)
    {
        var f = PolicyFindings.FromProviderError(new ProviderError(kind, "sk-secret should not matter"), "OpenAI");
        Assert.Equal(severity, f.Severity);
        Assert.Equal(FindingCategory.Provider, f.Category);
        Assert.StartsWith("OpenAI", f.Message.Replace("VideoHub could not sign in to ", ""));
    }
}
