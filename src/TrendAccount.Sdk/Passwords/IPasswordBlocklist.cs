namespace TrendAccount.Sdk;

/// <summary>A list of passwords too common to allow. Implementations must be thread-safe.</summary>
public interface IPasswordBlocklist
{
    /// <summary>Tells whether a password is on the list (matched case-insensitively).</summary>
    /// <param name="password">The NFKC form of the password.</param>
    /// <returns><see langword="true"/> when the password must be refused.</returns>
    bool Contains(string password);
}
