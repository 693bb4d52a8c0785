namespace VideoHub.Hosting;

/// <summary>Where VideoHub keeps everything it writes. Bound from the "Data" section (Data__Path).</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>Relative paths resolve against the content root.</summary>
    public string Path { get; set; } = "data";

    public string FullPath { get; set; } = "";

    public string DatabaseFile => System.IO.Path.Combine(FullPath, "videohub.db");
    public string MediaPath => System.IO.Path.Combine(FullPath, "media");
    public string KeysPath => System.IO.Path.Combine(FullPath, "keys");
}
