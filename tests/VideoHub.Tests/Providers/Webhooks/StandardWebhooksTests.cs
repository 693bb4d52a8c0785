using System.Text;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Tests.Providers.Webhooks;

/// <summary>
/// The signature scheme against the Standard Webhooks reference vectors
/// (standard-webhooks/standard-webhooks, libraries/csharp/StandardWebhooks.Tests/WebhookTest.cs).
/// </summary>
public sealed class StandardWebhooksTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    private static WebhookVerification Verify(string signatures, DateTimeOffset now, byte[]? body = null, string secret = Secret,
        string? id = MessageId, string? timestamp = "1614265330") =>
        StandardWebhooks.Verify(secret, id, timestamp, signatures, body ?? Payload, now);

    [Fact]
    public void Sign_ReproducesTheReferenceVector() =>
        Assert.Equal(Expected, StandardWebhooks.Sign(Secret, MessageId, Timestamp, Payload));

    [Fact]
    public void Verify_ReferenceVector_IsValid_WithOrWithoutTheWhsecPrefix()
    {
        Assert.Equal(WebhookVerification.Valid, Verify(Expected, SentAt));
        Assert.Equal(WebhookVerification.Valid, Verify(Expected, SentAt, secret: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }

    [Fact]
    public void Verify_ReferenceInvalidSignature_IsRejected() =>
        Assert.Equal(WebhookVerification.InvalidSignature, Verify("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLawdd", SentAt));

    [Fact]
    public void Verify_WithAnotherSecret_IsRejected() =>
        Assert.Equal(WebhookVerification.InvalidSignature, Verify(Expected, SentAt, secret: StandardWebhooks.NewSecret()));

    [Fact]
    public void Verify_BodyChangedByOneByte_IsRejected()
    {
        var changed = (byte[])Payload.Clone();
        changed[^2] ^= 0x01;
        Assert.Equal(WebhookVerification.InvalidSignature, Verify(Expected, SentAt, changed));
    }

    [Fact]
    public void Verify_SeveralSignatures_IsValidWhenAnyV1Matches_AsInTheReferenceMultiSigTest()
    {
        var header = string.Join(' ', "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
            Expected, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");
        Assert.Equal(WebhookVerification.Valid, Verify(header, SentAt));
        Assert.Equal(WebhookVerification.InvalidSignature, Verify(header.Replace(Expected, "v1,bm90IGl0"), SentAt));
        Assert.Equal(WebhookVerification.InvalidSignature, Verify(Expected.Replace("v1,", "v2,"), SentAt)); // only v1 counts
    }

    [Theory]
    [InlineData(-301, WebhookVerification.TimestampTooOld)]
    [InlineData(301, WebhookVerification.TimestampTooNew)]
    [InlineData(-300, WebhookVerification.Valid)]
    [InlineData(300, WebhookVerification.Valid)]
    public void Verify_ToleratesFiveMinutesEitherWay(int sentSecondsFromNow, WebhookVerification expected) =>
        Assert.Equal(expected, Verify(Expected, SentAt.AddSeconds(-sentSecondsFromNow)));

    [Theory]
    [InlineData(null, "1614265330")]
    [InlineData(MessageId, null)]
    [InlineData(MessageId, "soon")]
    public void Verify_MissingOrMalformedHeaders_IsRejected(string? id, string? timestamp) =>
        Assert.NotEqual(WebhookVerification.Valid, Verify(Expected, SentAt, id: id, timestamp: timestamp));

    [Fact]
    public void NewSecret_IsWhsecWith32RandomBytes()
    {
        var secret = StandardWebhooks.NewSecret();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, StandardWebhooks.NewSecret());
    }
}
