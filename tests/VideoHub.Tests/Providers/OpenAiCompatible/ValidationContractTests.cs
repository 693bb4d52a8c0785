using System.Net;
using VideoHub.Providers;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.OpenAiCompatible;

/// <summary>Refusals in the error envelope, mapped to typed outcomes with the provider's message and param.</summary>
public sealed class ValidationContractTests(LocalProviderServer server) : IClassFixture<LocalProviderServer>
{
    [Fact]
    public async Task Create_WithPromptOver32000Chars_IsInvalidOnPrompt()
    {
        var result = await server.Client.CreateVideoAsync(new VideoCreateRequest(new string('a', 32_001)));
        Assert.Equal((ProviderErrorKind.InvalidRequest, "prompt", 400), (result.Error!.Kind, result.Error.Param, result.Error.StatusCode));
        Assert.Contains("maximum length 32000", result.Error.Message);

        var atLimit = await server.FaultyClient("fail").CreateVideoAsync(new VideoCreateRequest(new string('a', 32_000)));
        Assert.True(atLimit.IsSuccess);
    }

    [Fact]
    public async Task Create_WithEmptyPrompt_IsInvalidOnPrompt()
    {
        var result = await server.Client.CreateVideoAsync(new VideoCreateRequest(""));
        Assert.Equal(("prompt", "empty_string"), (result.Error!.Param, result.Error.Code));
    }

    [Fact]
    public async Task Create_WithUnsupportedSeconds_AnswersLikeTheRealService()
    {
        var result = await server.Client.CreateVideoAsync(new VideoCreateRequest("p") { Seconds = 10 });
        Assert.Equal("seconds", result.Error!.Param);
        Assert.Equal("Invalid value: '10'. Supported values are: '4', '8', '12', '16', and '20'.", result.Error.Message);
    }

    [Fact]
    public async Task Create_1080pOnStandardModel_IsInvalidOnSize_ButThePro_ModelAcceptsIt()
    {
        var standard = await server.Client.CreateVideoAsync(new VideoCreateRequest("p") { Model = "sora-2", Size = "1920x1080" });
        Assert.Equal("size", standard.Error!.Param);
        Assert.Contains("needs the sora-2-pro model", standard.Error.Message);

        var pro = await server.FaultyClient("fail").CreateVideoAsync(new VideoCreateRequest("p") { Model = "sora-2-pro", Size = "1920x1080" });
        Assert.Equal("1920x1080", pro.GetValueOrThrow().Size);
    }

    [Fact]
    public async Task Create_WithThreeCharacters_IsInvalidOnCharacters()
    {
        var result = await server.Client.CreateVideoAsync(new VideoCreateRequest("p") { CharacterIds = ["char_a", "char_b", "char_c"] });
        Assert.Equal(("characters", "array_above_max_length"), (result.Error!.Param, result.Error.Code));
    }

    [Fact]
    public async Task Create_WithUnknownCharacter_IsInvalidOnThatCharacter()
    {
        var result = await server.Client.CreateVideoAsync(new VideoCreateRequest("p") { CharacterIds = ["char_ghost"] });
        Assert.Equal("characters[0].id", result.Error!.Param);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData(null)]
    public async Task AnyCall_WithoutTheRightKey_IsUnauthorized(string? key)
    {
        var client = TestClients.Create(server.Host.BaseUrl, key);
        var result = await client.ListVideosAsync(new VideoListQuery());
        Assert.Equal((ProviderErrorKind.Unauthorized, 401), (result.Error!.Kind, result.Error.StatusCode));
    }

    [Fact]
    public async Task Errors_UseTheOpenAiEnvelope_AndUnknownEndpointsTooAreJson()
    {
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, server.Host.BaseUrl + "/videos")
        {
            Content = new StringContent("""{"prompt":"p","seconds":"7"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", server.Host.ApiKey);
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            """{"error":{"message":"Invalid value: '7'. Supported values are: '4', '8', '12', '16', and '20'.","type":"invalid_request_error","param":"seconds","code":"invalid_value"}}""",
            await response.Content.ReadAsStringAsync());

        var unknown = new HttpRequestMessage(HttpMethod.Get, server.Host.BaseUrl + "/nothing/here");
        unknown.Headers.Authorization = new("Bearer", server.Host.ApiKey);
        var notFound = await http.SendAsync(unknown);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("\"type\":\"invalid_request_error\"", await notFound.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_AsMultipartWithBracketedFields_IsReadLikeJson()
    {
        using var http = new HttpClient();
        var form = new MultipartFormDataContent
        {
            { new StringContent("a fox"), "prompt" },
            { new StringContent("8"), "seconds" },
            { new StringContent("1280x720"), "size" },
            { new StringContent("char_one"), "characters[][id]" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, server.Host.BaseUrl + "/videos") { Content = form };
        request.Headers.Authorization = new("Bearer", server.Host.ApiKey);
        var response = await http.SendAsync(request);
        // The unknown character id in the answer proves the bracketed array was read.
        Assert.Contains("\"param\":\"characters[0].id\"", await response.Content.ReadAsStringAsync());
    }
}
