using System.Security.Cryptography;
using System.Text;

namespace VideoHub.Providers.Local;

/// <summary>
/// Honours Idempotency-Key on POSTs: the first request with a key creates the object; later ones with the same key
/// (and the same method and path) get that object back instead of a second job. Records persist with the jobs.
/// </summary>
public sealed class IdempotencyGuard(LocalProviderStore store, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <param name="create">Makes the object and returns its id.</param>
    /// <param name="replay">Answers for an existing id, or null when that object is gone (then it is made again).</param>
    public async Task<IResult> RunAsync(HttpContext http, Func<Task<(string Id, IResult Result)>> create, Func<string, IResult?> replay)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0) return (await create()).Result;

        var recordId = Hash($"{http.Request.Method} {http.Request.Path} {key}");
        await gate.WaitAsync(http.RequestAborted);
        try
        {
            if (store.Idempotency.Get(recordId) is { } record && replay(record.ObjectId) is { } previous) return previous;
            var (id, result) = await create();
            store.Idempotency.Put(new IdempotencyRecord(recordId, id, clock.GetUtcNow()));
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
