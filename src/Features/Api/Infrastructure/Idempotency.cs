using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Api;

namespace VideoHub.Features.Api.Infrastructure;

/// <summary>What a creating endpoint answers: the status, the JSON body and, for 201, where the new thing lives.</summary>
public sealed record ApiAnswer(int Status, object Body, string? Location = null)
{
    public IResult ToResult()
    {
        var json = Results.Json(Body, (JsonSerializerOptions?)null, Status >= 400 ? ApiProblems.ContentType : null, Status);
        return Location is null ? json : new WithLocation(json, Location);
    }

    /// <summary>A refusal (a problem result) as an answer, so the idempotency store replays it the same.</summary>
    public static ApiAnswer FromProblem(IResult refusal) => refusal switch
    {
        Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult p => new ApiAnswer(p.StatusCode, p.ProblemDetails),
        _ => new ApiAnswer(500, new { title = "Unexpected refusal" }),
    };

    private sealed class WithLocation(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.Location = location;
            return inner.ExecuteAsync(http);
        }
    }
}

/// <summary>
/// Idempotency-Key on creating POSTs: the first call's answer is stored (per user and key) with a hash of the
/// request; the same key and the same request replay that answer without doing anything again; the same key with a
/// different request is refused with 422. A key still being processed answers 409. Answers of 5xx are not kept.
/// </summary>
public sealed class Idempotency(IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const string Header = "Idempotency-Key";
    private const int InProgress = 0;

    public async Task<IResult> RunAsync(HttpContext http, ApiCaller caller, object? body, Func<Task<ApiAnswer>> create)
    {
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key)) return (await create()).ToResult();
        if (key.Length > IdempotencyRecord.KeyMaxLength)
            return ApiProblems.Invalid($"The {Header} header must be at most {IdempotencyRecord.KeyMaxLength} characters.");

        var userId = caller.Require().UserId;
        var hash = RequestHash(http, body);
        var ct = http.RequestAborted;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = new IdempotencyRecord { UserId = userId, Key = key, RequestHash = hash, StatusCode = InProgress, CreatedAt = Now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            db.ChangeTracker.Clear();
            var existing = await db.IdempotencyRecords.AsNoTracking().FirstAsync(r => r.UserId == userId && r.Key == key, ct);
            return Replay(http, existing, hash);
        }

        ApiAnswer answer;
        try
        {
            answer = await create();
        }
        catch
        {
            await db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        if (answer.Status >= 500)
            await db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);
        else
        {
            record.StatusCode = answer.Status;
            record.ResponseBody = JsonSerializer.Serialize(answer.Body, json.Value.SerializerOptions);
            record.Location = answer.Location;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return answer.ToResult();
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord existing, string hash)
    {
        if (existing.RequestHash != hash)
            return ApiProblems.Invalid($"This {Header} was already used with a different request. Use a new key for a new request.",
                new Dictionary<string, string[]> { [Header] = ["Already used with a different request."] });
        if (existing.StatusCode == InProgress)
            return ApiProblems.Conflict($"A request with this {Header} is still being processed; retry in a moment.");
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (existing.Location is not null) http.Response.Headers.Location = existing.Location;
        return Results.Text(existing.ResponseBody, existing.StatusCode >= 400 ? ApiProblems.ContentType : "application/json",
            Encoding.UTF8, existing.StatusCode);
    }

    /// <summary>The method, the path and the body as bound (so whitespace and property order do not matter).</summary>
    private static string RequestHash(HttpContext http, object? body)
    {
        var text = $"{http.Request.Method} {http.Request.Path}\n{JsonSerializer.Serialize(body, ApiJson.Options)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
