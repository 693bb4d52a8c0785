using System.Buffers.Binary;

namespace VideoHub.Media;

/// <summary>The format and pixel size of an image, read from its first bytes (magic number and header).</summary>
public sealed record ImageHeader(string Format, string ContentType, int? Width, int? Height)
{
    /// <summary>Enough for the PNG and WebP headers and for the JPEG frame header of nearly every file.</summary>
    public const int BytesNeeded = 256 * 1024;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Null when the bytes are not a JPEG, PNG or WebP image.</summary>
    public static ImageHeader? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 24 && data[..8].SequenceEqual(PngMagic))
            return new("PNG", "image/png", BinaryPrimitives.ReadInt32BigEndian(data[16..]), BinaryPrimitives.ReadInt32BigEndian(data[20..]));
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            var (w, h) = JpegSize(data);
            return new("JPEG", "image/jpeg", w, h);
        }
        if (data.Length >= 16 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            var (w, h) = WebPSize(data);
            return new("WebP", "image/webp", w, h);
        }
        return null;
    }

    private static (int?, int?) JpegSize(ReadOnlySpan<byte> d)
    {
        var i = 2;
        while (i + 9 < d.Length)
        {
            if (d[i] != 0xFF) return (null, null);
            var marker = d[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 or >= 0xD0 and <= 0xD7) { i += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(d[(i + 2)..]);
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return (BinaryPrimitives.ReadUInt16BigEndian(d[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(d[(i + 5)..]));
            i += 2 + length;
        }
        return (null, null);
    }

    private static (int?, int?) WebPSize(ReadOnlySpan<byte> d)
    {
        var chunk = d[12..16];
        if (chunk.SequenceEqual("VP8 "u8) && d.Length >= 30)
            return (BinaryPrimitives.ReadUInt16LittleEndian(d[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(d[28..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8) && d.Length >= 25)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(d[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8) && d.Length >= 30)
            return ((d[24] | d[25] << 8 | d[26] << 16) + 1, (d[27] | d[28] << 8 | d[29] << 16) + 1);
        return (null, null);
    }
}
