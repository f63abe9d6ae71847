namespace TrendAccount.Sdk.AspNetCore;

/// <summary>
/// The answer of <c>GET {prefix}/antiforgery</c>: the token a cookie-authenticated call (sign-out, change password)
/// sends in <see cref="HeaderName"/>. Fetch it again after signing in: it is bound to the signed-in customer.
/// </summary>
public sealed class AntiforgeryTokenResponse
{
    /// <summary>Gets the request token.</summary>
    public required string RequestToken { get; init; }

    /// <summary>Gets the header to send it in.</summary>
    public required string HeaderName { get; init; }
}
