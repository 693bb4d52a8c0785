using Microsoft.Net.Http.Headers;

namespace VideoHub.Media;

/// <summary>
/// How every media endpoint sends a file once it has decided the caller may have it: the server's file-sending path
/// with ranges (206/416, Accept-Ranges), an ETag, nosniff, and a server-chosen inline file name.
/// </summary>
public static class MediaFileResults
{
    public static IResult Send(HttpContext http, FileInfo file, string contentType, string tag, string fileName)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.File(file.FullName, contentType, lastModified: file.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"{tag}\""), enableRangeProcessing: true);
    }
}
