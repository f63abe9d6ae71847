namespace TrendAccount.Sdk.Soak.Tests.Workloads;

/// <summary>One redemption of a reset link.</summary>
/// <param name="Token">The token from the delivered mail.</param>
/// <param name="Password">The new password it tried.</param>
/// <param name="Node">The node.</param>
/// <param name="Status">What the node answered.</param>
/// <param name="Replay">Whether the link had already been redeemed by the test (a replay must fail).</param>
public sealed record Redemption(string Token, string Password, int Node, ResetPasswordStatus Status, bool Replay);
