namespace TrendAccount.Sdk;

/// <summary>What the host knows of the client making a request; used for rate limits and captcha checks. Immutable.</summary>
/// <param name="IpAddress">The client's IP address as the host sees it.</param>
/// <param name="UserAgent">The client's user agent.</param>
public sealed record ClientContext(string? IpAddress = null, string? UserAgent = null)
{
    /// <summary>Gets a context for a client the host knows nothing about.</summary>
    public static ClientContext Unknown { get; } = new();

    /// <summary>Gets the key rate limits partition by: the IP address, or <c>unknown</c>.</summary>
    public string PartitionKey => string.IsNullOrWhiteSpace(IpAddress) ? "unknown" : IpAddress;
}
