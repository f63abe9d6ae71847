using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// The work <see cref="BcryptPasswordHasher"/> adds before bcrypt runs: the UTF-16 check, NFKC, UTF-8 and the
/// HMAC-SHA384 pre-hash with its base64 text. <see cref="PasswordHashingBenchmark"/> measures it inside a bcrypt call
/// of 50–100 ms, where it drowns in noise; here it is measured alone. Baseline: the bare HMAC over ready UTF-8 bytes.
/// </summary>
[MemoryDiagnoser]
public class PasswordHashingOverheadBenchmark
{
    private const string Ascii = "correct horse battery staple";
    private const string NeedsNfkc = "ｃａｆｅ\u0301 ｈｏｒｓｅ ｂａｔｔｅｒｙ 😀";

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] AsciiUtf8 = Encoding.UTF8.GetBytes(Ascii);
    private readonly byte[] _digest = new byte[HMACSHA384.HashSizeInBytes];

    [Benchmark(Baseline = true)]
    public int HmacOnly() => HMACSHA384.HashData(Key, AsciiUtf8, _digest);

    [Benchmark]
    public string PreHashAscii() => PasswordPreHash.TryNormalize(Ascii, out var normalized) ? PasswordPreHash.PreHash(Key, normalized) : string.Empty;

    [Benchmark]
    public string PreHashFullWidthNfd() => PasswordPreHash.TryNormalize(NeedsNfkc, out var normalized) ? PasswordPreHash.PreHash(Key, normalized) : string.Empty;
}
