using System.Runtime.CompilerServices;
using Bunit;

namespace VideoHub.Tests.Infrastructure;

public static class BunitDefaults
{
    /// <summary>
    /// bunit waits 1 s by default for a page to reach what a test expects. These pages call real services over
    /// SQLite and HTTP, and the suite shares two cores with the app, ffmpeg and Chromium: a loaded machine is slow,
    /// not wrong. Waits still end as soon as the assertion passes.
    /// </summary>
    [ModuleInitializer]
    public static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
}
