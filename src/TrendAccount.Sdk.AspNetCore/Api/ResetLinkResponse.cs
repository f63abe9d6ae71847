namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>POST {prefix}/reset-password/validate</c>.</summary>
public sealed class ResetLinkResponse
{
    /// <summary>Gets a value indicating whether the link would still work (unused, unexpired, under the current credentials).</summary>
    public bool Valid { get; init; }
}
