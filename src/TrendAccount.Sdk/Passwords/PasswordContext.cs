namespace TrendAccount.Sdk;

/// <summary>Account details a new password must not repeat. Immutable.</summary>
/// <param name="Email">The account's email address, if known.</param>
/// <param name="Serial">The product serial number, if known.</param>
public sealed record PasswordContext(string? Email = null, string? Serial = null);
