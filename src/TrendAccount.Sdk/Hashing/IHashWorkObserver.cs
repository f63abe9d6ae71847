using System.Security.Cryptography;

namespace TrendAccount.Sdk;

/// <summary>
/// Sees every key-stretching run <see cref="BcryptPasswordHasher"/> performs, padding included, so tests prove "the
/// same work" by counting work instead of timing it. Not for production use.
/// </summary>
internal interface IHashWorkObserver
{
    /// <summary>One bcrypt run at a cost (2^cost EksBlowfish iterations).</summary>
    void Bcrypt(int cost);

    /// <summary>One PBKDF2 run (an Identity hash), before it runs.</summary>
    void Pbkdf2(HashAlgorithmName prf, int iterations);

    /// <summary>The bcrypt units the PBKDF2 run just finished is charged (<see cref="PaddingCalibration"/>).</summary>
    void Pbkdf2Charged(long units);
}
