using System.Text.Json.Nodes;
using VideoHub.Providers.Local;

namespace VideoHub.Tests.Providers.Local;

/// <summary>Multipart fields as the official SDKs encode nested values, read into the JSON shape.</summary>
public sealed class BracketFieldsTests
{
    private static string Read(params (string Key, string?[] Values)[] fields)
    {
        var root = new JsonObject();
        foreach (var (key, values) in fields) BracketFields.Add(root, key, values);
        return root.ToJsonString();
    }

    [Fact]
    public void NestedObjectsArraysAndPlainFields_BecomeTheirJsonShape() =>
        Assert.Equal("""{"prompt":"p","video":{"id":"video_1"},"characters":[{"id":"char_1"},{"id":"char_2"}],"input_reference":{"image_url":"data:x"}}""",
            Read(("prompt", ["p"]), ("video[id]", ["video_1"]), ("characters[][id]", ["char_1", "char_2"]),
                ("input_reference[image_url]", ["data:x"])));

    [Fact]
    public void IndexedAndPlainArrays_AreRead() =>
        Assert.Equal("""{"characters":[{"id":"a"},{"id":"b"}],"tags":["x","y"]}""",
            Read(("characters[0][id]", ["a"]), ("characters[1][id]", ["b"]), ("tags[]", ["x", "y"])));

    [Fact]
    public void StructuredFieldSentAsJsonText_IsParsed_ButAPromptStartingWithABracketIsNot() =>
        Assert.Equal("""{"characters":[{"id":"a"}],"prompt":"[scene] a fox"}""",
            Read(("characters", ["""[{"id":"a"}]"""]), ("prompt", ["[scene] a fox"])));

    [Fact]
    public void MalformedBrackets_AreIgnoredLikeUnknownFields() =>
        Assert.Equal("""{"ok":"1"}""", Read(("video[id", ["x"]), ("[id]", ["y"]), ("ok", ["1"])));
}
