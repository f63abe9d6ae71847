namespace TrendAccount.Sdk.Soak.Tests.Workloads;

/// <summary>An account that only signs in: its password never changes.</summary>
/// <param name="Email">The address.</param>
/// <param name="Password">The password.</param>
public sealed record SignInAccount(string Email, string Password);
