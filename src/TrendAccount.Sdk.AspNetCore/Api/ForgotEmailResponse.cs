namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>POST {prefix}/forgot-email</c>; sent with status 429 and <c>Retry-After</c> when the client's look-ups ran out.</summary>
public sealed class ForgotEmailResponse : FlowResponse
{
    /// <summary>Gets the registered address masked, when the options allow showing it.</summary>
    public string? MaskedEmail { get; init; }

    /// <summary>Gets whom a reseller customer contacts instead.</summary>
    public string? ResellerContact { get; init; }
}
