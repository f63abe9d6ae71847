using System.Security.Claims;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The claims the TrendAccount scheme puts on <see cref="System.Security.Claims.ClaimsPrincipal"/> for a signed-in customer.</summary>
public static class TrendAccountClaimTypes
{
    /// <summary>The account id (a GUID), as <see cref="ClaimTypes.NameIdentifier"/>, so <c>User.FindFirstValue(ClaimTypes.NameIdentifier)</c> works.</summary>
    public const string AccountId = ClaimTypes.NameIdentifier;

    /// <summary>The account's email address, as <see cref="ClaimTypes.Email"/>; also the identity's <see cref="ClaimTypes.Name"/>.</summary>
    public const string Email = ClaimTypes.Email;

    /// <summary>When the session ends if unused from now on (sliding idle expiry), ISO 8601 round-trip format.</summary>
    public const string SessionExpiresAt = "trendaccount:session_expires_at";

    /// <summary>When the session ends however active it is (absolute expiry), ISO 8601 round-trip format.</summary>
    public const string SessionAbsoluteExpiresAt = "trendaccount:session_absolute_expires_at";
}
