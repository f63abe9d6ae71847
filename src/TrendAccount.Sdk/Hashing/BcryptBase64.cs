namespace TrendAccount.Sdk;

/// <summary>
/// bcrypt's base64: the alphabet <c>./A-Za-z0-9</c> (in that order), no padding, bits taken most significant first.
/// 16 salt bytes make 22 characters (the last carrying 2 bits, its 4 low bits zero); 23 hash bytes make 31.
/// </summary>
internal static class BcryptBase64
{
    /// <summary>The characters that <paramref name="byteCount"/> bytes encode to.</summary>
    /// <param name="byteCount">The number of bytes.</param>
    /// <returns>The number of characters.</returns>
    internal static int EncodedLength(int byteCount) => ((byteCount * 8) + 5) / 6;

    /// <summary>Encodes bytes without branching or indexing on their values (the hash is secret until compared).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="destination">Exactly <see cref="EncodedLength"/> characters.</param>
    internal static void Encode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        var o = 0;
        var i = 0;
        for (; i + 3 <= bytes.Length; i += 3)
        {
            int c1 = bytes[i], c2 = bytes[i + 1], c3 = bytes[i + 2];
            destination[o++] = ToChar(c1 >> 2);
            destination[o++] = ToChar(((c1 & 0x03) << 4) | (c2 >> 4));
            destination[o++] = ToChar(((c2 & 0x0F) << 2) | (c3 >> 6));
            destination[o++] = ToChar(c3 & 0x3F);
        }

        var left = bytes.Length - i;
        if (left == 1)
        {
            int c1 = bytes[i];
            destination[o++] = ToChar(c1 >> 2);
            destination[o] = ToChar((c1 & 0x03) << 4);
        }
        else if (left == 2)
        {
            int c1 = bytes[i], c2 = bytes[i + 1];
            destination[o++] = ToChar(c1 >> 2);
            destination[o++] = ToChar(((c1 & 0x03) << 4) | (c2 >> 4));
            destination[o] = ToChar((c2 & 0x0F) << 2);
        }
    }

    /// <summary>Decodes the first <c>destination.Length</c> bytes (a salt is public: this one may branch).</summary>
    /// <param name="text">At least <see cref="EncodedLength"/> characters of the alphabet.</param>
    /// <param name="destination">Receives the bytes; bits beyond them in the last character are ignored, as every bcrypt does.</param>
    /// <returns><see langword="false"/> when a character is outside the alphabet or the text is too short.</returns>
    internal static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length < EncodedLength(destination.Length))
        {
            return false;
        }

        var bits = 0;
        var accumulator = 0;
        var o = 0;
        foreach (var c in text)
        {
            var value = FromChar(c);
            if (value < 0)
            {
                return false;
            }

            accumulator = (accumulator << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                destination[o++] = (byte)(accumulator >> bits);
                accumulator &= (1 << bits) - 1;
                if (o == destination.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // 0-1 → './', 2-27 → 'A'-'Z', 28-53 → 'a'-'z', 54-63 → '0'-'9', by adding masked offsets (no branch, no table).
    private static char ToChar(int value)
    {
        var c = value + '.';
        c += ((1 - value) >> 31) & ('A' - '.' - 2);
        c += ((27 - value) >> 31) & ('a' - 'A' - 26);
        c += ((53 - value) >> 31) & ('0' - 'a' - 26);
        return (char)c;
    }

    private static int FromChar(char c) => c switch
    {
        '.' => 0,
        '/' => 1,
        >= 'A' and <= 'Z' => c - 'A' + 2,
        >= 'a' and <= 'z' => c - 'a' + 28,
        >= '0' and <= '9' => c - '0' + 54,
        _ => -1,
    };
}
