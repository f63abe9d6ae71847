using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>
/// Draws a challenge's characters into a grey-scale PNG: dot-matrix glyphs of this file, each scaled, turned and
/// sheared, the whole picture bent by two waves and crossed by curves and speckles. No text is in the file; the
/// noise comes from a seed derived from the challenge, so every request for one challenge gets the same picture
/// (nothing to average over).
/// </summary>
internal static class CaptchaImage
{
    public const int Width = 200;
    public const int Height = 70;

    // 5 × 7 glyphs, row by row ('#' = ink), for SignedCaptcha.Alphabet.
    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['A'] = [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['B'] = ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
        ['C'] = [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
        ['D'] = ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
        ['E'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        ['F'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
        ['G'] = [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"],
        ['H'] = ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['J'] = ["..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."],
        ['K'] = ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
        ['M'] = ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
        ['N'] = ["#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"],
        ['P'] = ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
        ['Q'] = [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"],
        ['R'] = ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
        ['S'] = [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
        ['T'] = ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        ['U'] = ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['V'] = ["#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."],
        ['W'] = ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."],
        ['X'] = ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
        ['Y'] = ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."],
        ['Z'] = ["#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"],
        ['2'] = [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
        ['3'] = ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
        ['4'] = ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
        ['5'] = ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
        ['6'] = ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
        ['7'] = ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
        ['8'] = [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
        ['9'] = [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],
    };

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Draws the characters; the same seed draws the same picture.</summary>
    public static byte[] RenderPng(string characters, int seed) => EncodePng(Draw(characters, seed), Width, Height);

    /// <summary>Draws the characters as one byte of grey per pixel, row by row (0 = black).</summary>
    internal static byte[] Draw(string characters, int seed)
    {
        ArgumentNullException.ThrowIfNull(characters);
        // Not a secret: the noise only has to differ between challenges and stay the same for one.
#pragma warning disable CA5394 // Do not use insecure randomness
        var random = new Random(seed);
        double Between(double low, double high) => low + (random.NextDouble() * (high - low));

        var pixels = new byte[Width * Height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)random.Next(222, 256);
        }

        var glyphs = new (string[] Rows, double X, double Y, double Cos, double Sin, double Shear, double Cell)[characters.Length];
        var step = (Width - 30.0) / Math.Max(1, characters.Length);
        for (var i = 0; i < characters.Length; i++)
        {
            if (!Glyphs.TryGetValue(characters[i], out var rows))
            {
                throw new ArgumentException("Captcha characters come from SignedCaptcha.Alphabet.", nameof(characters));
            }

            var angle = Between(-0.32, 0.32);
            glyphs[i] = (rows, 15 + (step * (i + 0.5)) + Between(-3, 3), (Height / 2.0) + Between(-4, 4), Math.Cos(angle), Math.Sin(angle), Between(-0.3, 0.3), Between(4.4, 5.2));
        }

        var (waveX, waveY, phaseX, phaseY) = (Between(2.0, 3.5), Between(2.0, 3.5), Between(0, Math.Tau), Between(0, Math.Tau));
        var ink = (byte)random.Next(20, 60);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                // Bend the page, then ask each glyph whether the bent point falls on one of its dots.
                var bx = x + (waveX * Math.Sin((y / 9.0) + phaseX));
                var by = y + (waveY * Math.Sin((x / 13.0) + phaseY));
                foreach (var glyph in glyphs)
                {
                    var dx = bx - glyph.X;
                    var dy = by - glyph.Y;
                    var u = (glyph.Cos * dx) + (glyph.Sin * dy);
                    var v = (-glyph.Sin * dx) + (glyph.Cos * dy);
                    u -= glyph.Shear * v;
                    var column = (int)Math.Floor((u / glyph.Cell) + 2.5);
                    var row = (int)Math.Floor((v / glyph.Cell) + 3.5);
                    if (column is >= 0 and < 5 && row is >= 0 and < 7 && glyph.Rows[row][column] == '#')
                    {
                        pixels[(y * Width) + x] = (byte)Math.Clamp(ink + random.Next(-20, 21), 0, 255);
                        break;
                    }
                }
            }
        }

        // Curves through the characters, nearly as dark as the ink, so they cannot be filtered out by shade.
        for (var curve = 0; curve < 2; curve++)
        {
            var (height, amplitude, period, phase, thickness) = (Between(18, Height - 18), Between(4, 12), Between(20, 45), Between(0, Math.Tau), Between(0.5, 1.0));
            for (var x = 0; x < Width; x++)
            {
                var centre = height + (amplitude * Math.Sin((x / period) + phase));
                for (var y = (int)(centre - thickness); y <= (int)(centre + thickness); y++)
                {
                    if (y is >= 0 and < Height)
                    {
                        pixels[(y * Width) + x] = (byte)Math.Clamp(ink + random.Next(10, 50), 0, 255);
                    }
                }
            }
        }

        // Speckles: dark dots on the paper, light dots in the ink.
        for (var i = 0; i < pixels.Length / 22; i++)
        {
            var at = random.Next(pixels.Length);
            pixels[at] = pixels[at] > 128 ? (byte)random.Next(40, 140) : (byte)random.Next(170, 256);
        }
#pragma warning restore CA5394

        return pixels;
    }

    /// <summary>Writes grey-scale pixels as a PNG: signature, IHDR, one zlib IDAT, IEND.</summary>
    internal static byte[] EncodePng(byte[] pixels, int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 0; // grey-scale; compression, filter and interlace stay 0
        WriteChunk(output, "IHDR", header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(pixels, y * width, width);
            }
        }

        WriteChunk(output, "IDAT", compressed.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        output.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
