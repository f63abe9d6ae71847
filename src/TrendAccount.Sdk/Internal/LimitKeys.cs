using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>
/// The keys the SDK counts under in <see cref="IAttemptCounter"/>: one short prefix per purpose, so that one table (or
/// one Redis keyspace) holds every limit without collisions. Keys never contain a password, token or raw address.
/// </summary>
internal static class LimitKeys
{
    /// <summary>Failed sign-ins from untrusted clients for one typed address (its lookup key), account or not.</summary>
    /// <remarks>The lookup key is hashed (SHA-256, first 16 bytes): a counter engine never holds an address, and every key has the same short length.</remarks>
    public static string AddressFailures(string lookupKey) => "signin:addr:" + Hash(lookupKey);

    /// <summary>Failed sign-ins from one trusted device (the device id from its token).</summary>
    public static string DeviceFailures(string deviceId) => "signin:dev:" + deviceId;

    /// <summary>Sign-in attempts from one client (its partition key).</summary>
    public static string ClientSignIns(string clientKey) => "signin:client:" + clientKey;

    /// <summary>Registration requests from one client (its partition key) that passed the captcha.</summary>
    public static string ClientRegistrations(string clientKey) => "register:client:" + clientKey;

    /// <summary>Registration mails (confirmation link or notice) to one typed address (its lookup key, hashed as in <see cref="AddressFailures"/>).</summary>
    public static string RegistrationMails(string lookupKey) => "register:addr:" + Hash(lookupKey);

    /// <summary>Lockout notices mailed to one account (coalescing).</summary>
    public static string LockoutNotice(Guid accountId) => "notice:lockout:" + accountId.ToString("N");

    private static string Hash(string lookupKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(lookupKey)), 0, 16);
}
