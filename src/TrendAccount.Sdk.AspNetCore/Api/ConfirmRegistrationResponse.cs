namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>POST {prefix}/register/confirm</c>.</summary>
public sealed class ConfirmRegistrationResponse : FlowResponse
{
    /// <summary>Gets the canonical serial now registered, when <see cref="FlowResponse.Succeeded"/>.</summary>
    public string? Serial { get; init; }
}
