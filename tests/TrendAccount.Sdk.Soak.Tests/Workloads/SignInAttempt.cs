namespace TrendAccount.Sdk.Soak.Tests.Workloads;

/// <summary>One sign-in the workload made.</summary>
/// <param name="Client">The client's address (each client makes fewer sign-ins than the per-client limit).</param>
/// <param name="Node">The node it went to.</param>
/// <param name="RightPassword">Whether the password was right.</param>
/// <param name="Status">What the node answered.</param>
/// <param name="Started">The run's sequence number when it started.</param>
/// <param name="Ended">The run's sequence number when it ended.</param>
public sealed record SignInAttempt(string Client, int Node, bool RightPassword, SignInStatus Status, long Started, long Ended);
