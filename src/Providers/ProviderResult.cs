using System.Diagnostics.CodeAnalysis;

namespace VideoHub.Providers;

/// <summary>How a provider call failed, in categories the render lifecycle acts on (retry, wait, give up, show).</summary>
public enum ProviderErrorKind
{
    /// <summary>The request was wrong (400/409/422); the provider's message and param say what.</summary>
    InvalidRequest,
    /// <summary>The API key was missing, wrong or lacks access (401/403).</summary>
    Unauthorized,
    NotFound,
    /// <summary>Too many requests (429); <see cref="ProviderError.RetryAfter"/> says how long to wait when known.</summary>
    RateLimited,
    /// <summary>The provider's own content policy refused the request (moderation).</summary>
    RejectedByPolicy,
    /// <summary>The provider failed (5xx) or an open circuit stopped the call.</summary>
    ServerError,
    /// <summary>No answer in time. For a POST the outcome is unknown: reconcile before submitting again.</summary>
    Timeout,
    /// <summary>The connection dropped mid-answer, e.g. a download cut off before its declared length.</summary>
    Interrupted,
    /// <summary>The provider could not be reached at all (connection refused, DNS).</summary>
    Unreachable,
    /// <summary>The provider answered something that is not the wire format.</summary>
    ProtocolError,
}

/// <summary>A failed provider call. Never carries secrets; messages are the provider's own words where it gave some.</summary>
public sealed record ProviderError(
    ProviderErrorKind Kind,
    string Message,
    string? Param = null,
    string? Code = null,
    int? StatusCode = null,
    TimeSpan? RetryAfter = null)
{
    public override string ToString() =>
        $"{Kind}{(StatusCode is { } s ? $" ({s})" : "")}: {Message}{(Param is null ? "" : $" [param {Param}]")}";
}

/// <summary>Either the value a provider returned or a typed <see cref="ProviderError"/>; never an exception.</summary>
public readonly record struct ProviderResult<T>
{
    private ProviderResult(T? value, ProviderError? error) { Value = value; Error = error; }

    public T? Value { get; }
    public ProviderError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static ProviderResult<T> Ok(T value) => new(value, null);
    public static ProviderResult<T> Fail(ProviderError error) => new(default, error);

    public static implicit operator ProviderResult<T>(T value) => Ok(value);
    public static implicit operator ProviderResult<T>(ProviderError error) => Fail(error);

    /// <summary>The value, or an exception naming the error: for tests and for callers that already checked.</summary>
    public T GetValueOrThrow() =>
        IsSuccess ? Value : throw new InvalidOperationException($"Provider call failed: {Error}");

    public override string ToString() => IsSuccess ? $"Ok({Value})" : $"Fail({Error})";
}
