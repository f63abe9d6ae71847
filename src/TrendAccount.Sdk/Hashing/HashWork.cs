using System.Security.Cryptography;

namespace TrendAccount.Sdk;

/// <summary>
/// Key-stretching work in one unit, so a verification can be padded to exactly the dummy's work. One unit is one
/// EksBlowfish iteration (two key expansions): a bcrypt at cost c is 2^c units, the dummy at the current work factor
/// W is 2^W. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// PBKDF2 (Identity hashes) has a table rate per PRF: how many HMAC iterations cost as much CPU as one bcrypt unit,
/// measured with the SDK's managed engine against .NET's PBKDF2 on an x64 Xeon with SHA extensions (docs/hashing.md).
/// The real rate differs by machine and moves with load, so the padding uses the rate that
/// <see cref="PaddingCalibration"/> learns, held within a factor of the table rate; the table alone converts the
/// stored-iteration ceiling, so which hashes are run never depends on load.
/// </remarks>
internal static class HashWork
{
    /// <summary>HMAC-SHA1 iterations per bcrypt unit.</summary>
    internal const int Sha1IterationsPerUnit = 150;

    /// <summary>HMAC-SHA256 iterations per bcrypt unit.</summary>
    internal const int Sha256IterationsPerUnit = 250;

    /// <summary>HMAC-SHA512 iterations per bcrypt unit.</summary>
    internal const int Sha512IterationsPerUnit = 85;

    /// <summary>The work of one bcrypt run.</summary>
    internal static long Bcrypt(int cost) => 1L << cost;

    /// <summary>The most PBKDF2 iterations that cost no more than a bcrypt at <paramref name="cost"/>.</summary>
    internal static long MaximumIterations(HashAlgorithmName prf, int cost) => Bcrypt(cost) * TableIterationsPerUnit(prf);

    /// <summary>The table rate: HMAC iterations per bcrypt unit for a PRF.</summary>
    internal static int TableIterationsPerUnit(HashAlgorithmName prf) =>
        prf == HashAlgorithmName.SHA1 ? Sha1IterationsPerUnit
        : prf == HashAlgorithmName.SHA256 ? Sha256IterationsPerUnit
        : Sha512IterationsPerUnit;
}
