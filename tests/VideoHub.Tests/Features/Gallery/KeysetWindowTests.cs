using VideoHub.Features.Gallery;

namespace VideoHub.Tests.Features.Gallery;

/// <summary>The virtualised grid's window over keyset pages: right items for any range, bounded memory, cheap far jumps.</summary>
public sealed class KeysetWindowTests
{
    private readonly List<int> source = Enumerable.Range(0, 1000).ToList();
    private int pageLoads, cursorLookups;

    private KeysetWindow<int> Window(int keep = 3) => new(50,
        (cursor, size) =>
        {
            pageLoads++;
            var start = cursor is null ? 0 : int.Parse(cursor) + 1;
            var items = source.Skip(start).Take(size).ToList();
            var next = start + size < source.Count ? (start + size - 1).ToString() : null;
            return Task.FromResult(((IReadOnlyList<int>)items, next));
        },
        offset => { cursorLookups++; return Task.FromResult(offset < source.Count ? (string?)(offset - 1).ToString() : null); },
        keep);

    [Fact]
    public async Task AnyRange_GivesExactlyThoseItems_AcrossPageBoundaries()
    {
        var window = Window();

        Assert.Equal(source[45..130], await window.GetAsync(45, 85));
        Assert.Equal(source[990..1000], await window.GetAsync(990, 40));
        Assert.Empty(await window.GetAsync(1200, 10));
    }

    [Fact]
    public async Task AFarJump_LooksUpOneCursor_InsteadOfLoadingEveryPageBeforeIt()
    {
        var window = Window();

        Assert.Equal(source[800..820], await window.GetAsync(800, 20));

        Assert.Equal(1, pageLoads);
        Assert.Equal(1, cursorLookups);
    }

    [Fact]
    public async Task ScrollingThroughEverything_HoldsOnlyAFewPages()
    {
        var window = Window(keep: 3);

        for (var start = 0; start < 1000; start += 20) await window.GetAsync(start, 20);

        Assert.Equal(3, window.CachedPages);
        Assert.Equal(20, pageLoads);
        Assert.Equal(0, cursorLookups);
    }
}
