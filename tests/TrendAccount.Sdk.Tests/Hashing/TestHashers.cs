using System.Security.Cryptography;

namespace TrendAccount.Sdk.Tests.Hashing;

/// <summary>Hashers at bcrypt's lowest cost, for fast tests.</summary>
internal static class TestHashers
{
    public static BcryptPasswordHasher Create(int workFactor = 4, string? currentPepperId = null, params (string Id, string Key)[] peppers) =>
        Create(BcryptEngine.Managed, workFactor, currentPepperId, peppers);

    public static BcryptPasswordHasher Create(BcryptEngine engine, int workFactor = 4, string? currentPepperId = null, params (string Id, string Key)[] peppers)
    {
        var options = new HashingOptions
        {
            Engine = engine,
            WorkFactor = workFactor,
            AllowInsecureWorkFactorForTesting = true,
            CurrentPepperId = currentPepperId,
        };
        foreach (var (id, key) in peppers)
        {
            options.Peppers.Add(id, key);
        }

        return new BcryptPasswordHasher(options);
    }

    public static string NewPepperKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
