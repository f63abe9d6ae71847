using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// A signed-in world for the failure-cost benchmarks (issue #11, items 6 and 12): one account per stored-hash format
/// the SDK accepts, each with its hash planted in the store, at the given work factor. Every request is a failure.
/// </summary>
internal sealed class StoredHashScenarios : IDisposable
{
    public const string Password = "correct horse battery";
    public const string WrongPassword = "wrong horse battery";

    private readonly ServiceProvider _provider;
    private readonly InMemoryAccountStore _store;
    private readonly List<Guid> _accounts = [];
    private int _failures;

    private StoredHashScenarios(ServiceProvider provider)
    {
        _provider = provider;
        Accounts = provider.GetRequiredService<IAccountService>();
        _store = provider.GetRequiredService<InMemoryAccountStore>();
    }

    public IAccountService Accounts { get; }

    /// <summary>Gets the scenarios by name: a wrong password on each stored format, and an unknown address.</summary>
    public Dictionary<string, SignInRequest> Requests { get; } = new(StringComparer.Ordinal);

    public static StoredHashScenarios Create(int workFactor)
    {
        var services = new ServiceCollection();
        services.AddTrendAccount(o =>
            {
                o.Hashing.WorkFactor = workFactor;
                o.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
                o.Lockout.MaximumFailedAttempts = 1000;
            })
            .UseInMemoryStores()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());
        var world = new StoredHashScenarios(services.BuildServiceProvider());
        var older = new BcryptPasswordHasher(new HashingOptions { WorkFactor = workFactor - 1, AllowInsecureWorkFactorForTesting = true });
        world.Add("wrong-current", null);
        world.Add("wrong-older-cost", older.HashPassword(Password));
        world.Add("wrong-2a", BCrypt.Net.BCrypt.HashPassword(Password, BCrypt.Net.BCrypt.GenerateSalt(workFactor - 1, 'a')));
        world.Add("wrong-2a-non-nfkc", BCrypt.Net.BCrypt.HashPassword(Password, BCrypt.Net.BCrypt.GenerateSalt(workFactor - 1, 'a')), "ｗｒｏｎｇ ｈｏｒｓｅ");
        world.Add("wrong-identity-v2", IdentityV2());
        world.Add("wrong-identity-v3", IdentityV3(HashAlgorithmName.SHA512, 100_000));
        world.Add("corrupt-cost-31", "$2b$31$" + new string('e', 53));
        world.Requests["unknown"] = new SignInRequest("nobody@example.com", WrongPassword);
        return world;
    }

    /// <summary>Runs one scenario; keeps every account below its lockout threshold.</summary>
    public bool Fail(SignInRequest request)
    {
        if (++_failures % 500 == 0)
        {
            foreach (var id in _accounts)
            {
                _store.ResetFailedSignInsAsync(id, CancellationToken.None).GetAwaiter().GetResult();
            }
        }

        return !Accounts.SignInAsync(request).GetAwaiter().GetResult().Succeeded;
    }

    public void Dispose() => _provider.Dispose();

    private void Add(string name, string? plantedHash, string wrong = WrongPassword)
    {
        var serial = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PQRS-1234-5678-9012-{3400 + _accounts.Count:D4}");
        var email = $"{name}@example.com";
        Accounts.ActivateProductAsync(new ProductActivationRequest(serial)).GetAwaiter().GetResult();
        var registration = TestRegistrations.RegisterAndConfirmAsync(
            _provider, new RegistrationRequest(serial, email, Password, Password, TestCaptchaVerifier.ValidResponse, ClientContext.Unknown)).GetAwaiter().GetResult();
        var id = registration.AccountId ?? throw new InvalidOperationException(registration.Message);
        if (plantedHash is not null)
        {
            var account = _store.FindByIdAsync(id, CancellationToken.None).GetAwaiter().GetResult()!;
            _ = _store.ChangePasswordAsync(id, account.SecurityStamp, plantedHash, AccountRecord.NewSecurityStamp(), CancellationToken.None).GetAwaiter().GetResult();
        }

        _accounts.Add(id);
        Requests[name] = new SignInRequest(email, wrong);
    }

    private static string IdentityV2()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var bytes = new byte[49];
        salt.CopyTo(bytes, 1);
        Rfc2898DeriveBytes.Pbkdf2(Password, salt, 1000, HashAlgorithmName.SHA1, 32).CopyTo(bytes, 17);
        return Convert.ToBase64String(bytes);
    }

    private static string IdentityV3(HashAlgorithmName prf, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var bytes = new byte[13 + 16 + 32];
        bytes[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), prf == HashAlgorithmName.SHA256 ? 1u : 2u);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), (uint)iterations);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), 16);
        salt.CopyTo(bytes, 13);
        Rfc2898DeriveBytes.Pbkdf2(Password, salt, iterations, prf, 32).CopyTo(bytes, 29);
        return Convert.ToBase64String(bytes);
    }
}
