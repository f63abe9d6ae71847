using System.Runtime.InteropServices;
using System.Text;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// bcrypt in C: libxcrypt's <c>crypt_rn</c> from libcrypt.so.1 (Debian's libcrypt1, the system's crypt(3)), the
/// native reference the managed engine is measured against. Linux only; benchmarks only, never the SDK.
/// </summary>
internal static partial class Libxcrypt
{
    // sizeof(struct crypt_data) in libxcrypt 4.x (CRYPT_DATA_INTERNAL_SIZE + 3 * CRYPT_OUTPUT_SIZE ... rounded): 32768.
    private const int CryptDataSize = 32768;

    [ThreadStatic]
    private static byte[]? t_data;

    /// <summary>Verifies like a C host would: crypt the password with the stored string as the setting, compare.</summary>
    /// <param name="password">NUL-terminated UTF-8 password.</param>
    /// <param name="hash">NUL-terminated bcrypt string.</param>
    /// <returns>Whether the recomputed string equals the stored one.</returns>
    public static bool Verify(byte[] password, byte[] hash)
    {
        var data = t_data ??= new byte[CryptDataSize];
        var result = crypt_rn(password, hash, data, data.Length);
        if (result == IntPtr.Zero)
        {
            throw new InvalidOperationException("crypt_rn refused the setting.");
        }

        // The output sits inside data (the "output" field); compare the bytes there with the stored string.
        var offset = (int)(result - Marshal.UnsafeAddrOfPinnedArrayElement(data, 0));
        return offset >= 0 && data.AsSpan(offset, hash.Length - 1).SequenceEqual(hash.AsSpan(0, hash.Length - 1));
    }

    /// <summary>A NUL-terminated UTF-8 copy.</summary>
    public static byte[] CString(string value) => [.. Encoding.UTF8.GetBytes(value), 0];

    /// <summary>Computes a bcrypt string natively (for set-up checks).</summary>
    public static string Crypt(string password, string setting)
    {
        var data = new byte[CryptDataSize];
        var handle = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            var result = crypt_rn(CString(password), CString(setting), data, data.Length);
            return result == IntPtr.Zero ? throw new InvalidOperationException("crypt_rn failed.") : Marshal.PtrToStringUTF8(result)!;
        }
        finally
        {
            handle.Free();
        }
    }

    [LibraryImport("libcrypt.so.1")]
    private static partial IntPtr crypt_rn(byte[] phrase, byte[] setting, byte[] data, int size);
}
