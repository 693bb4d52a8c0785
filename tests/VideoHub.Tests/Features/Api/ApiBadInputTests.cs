using System.Net;
using System.Text;

namespace VideoHub.Tests.Features.Api;

/// <summary>Bodies and query values the API cannot read answer 400 problem details, never 500, HTML or an empty 400.</summary>
public sealed class ApiBadInputTests : ApiTestBase
{
    [Theory]
    [InlineData("{ \"prompt\": ", "application/json", "malformed")]
    [InlineData("[1, 2, 3]", "application/json", "malformed")]
    [InlineData("prompt=a+harbour", "application/x-www-form-urlencoded", "Content-Type: application/json")]
    [InlineData("a quiet harbour", "text/plain", "Content-Type: application/json")]
    [InlineData("", "application/json", "empty")]
    public async Task EveryBodyPost_WithAnUnreadableBody_Answers400ProblemDetails(string body, string contentType, string hint)
    {
        using var api = Client(await TokenAsync(Owner));
        var takeId = Guid.NewGuid();
        foreach (var url in BodyPosts(takeId))
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            var response = await api.PostAsync(url, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"{url}: {response.Content.Headers.ContentType} {await response.Content.ReadAsStringAsync()}");
            var problem = await JsonOf(response);
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            Assert.Equal("The request could not be read", problem.GetProperty("title").GetString());
            Assert.Contains(hint, problem.GetProperty("detail").GetString());
        }
        Assert.Equal(0, await App.DbAsync(db => Task.FromResult(db.RenderRequests.Count())));
    }

    [Fact]
    public async Task AQueryValueOfTheWrongType_Answers400ProblemDetails()
    {
        using var api = Client(await TokenAsync(Owner));
        var response = await api.GetAsync($"/api/v1/projects/{ProjectId}/render-requests?state=Sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private IEnumerable<string> BodyPosts(Guid takeId) =>
    [
        $"/api/v1/projects/{ProjectId}/precheck",
        $"/api/v1/projects/{ProjectId}/render-requests",
        $"/api/v1/takes/{takeId}/comments",
        $"/api/v1/takes/{takeId}/decisions",
        $"/api/v1/takes/{takeId}/remix",
        $"/api/v1/takes/{takeId}/edit",
        $"/api/v1/takes/{takeId}/extend",
    ];

    [Fact]
    public async Task AnUnknownApiRoute_Answers404ProblemDetails_NotAnHtmlPage()
    {
        using var api = Client(await TokenAsync(Owner));
        var response = await api.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
