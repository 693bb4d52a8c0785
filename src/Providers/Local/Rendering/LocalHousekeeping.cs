namespace VideoHub.Providers.Local;

/// <summary>
/// Deletes the files of jobs whose content has expired, like the real service (the job record stays, and its
/// content answers 404 "expired"). Keeps the default install's disk from filling with old renders.
/// </summary>
public static class LocalHousekeeping
{
    public static void DeleteExpiredMedia(LocalProviderStore store, DateTimeOffset now, ILogger log)
    {
        foreach (var job in store.Jobs.All.Where(j => j.ExpiresAt < now))
        {
            var media = store.Paths.Media(job.Id);
            if (!Directory.Exists(media)) continue;
            try { Directory.Delete(media, recursive: true); }
            catch (IOException ex) { log.LogDebug(ex, "Could not delete expired media of {JobId} yet", job.Id); }
        }
        foreach (var upload in Directory.EnumerateFiles(store.Paths.Uploads).Where(f => File.GetLastWriteTimeUtc(f) < now.UtcDateTime.AddHours(-1)))
            File.Delete(upload);
    }
}
