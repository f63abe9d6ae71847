using System.Text.Json.Serialization;

namespace TrendAccount.Sdk.Captcha;

/// <summary>The fields of a site-verify answer the verifier reads; every provider sends at least <c>success</c>.</summary>
internal sealed class SiteVerifyAnswer
{
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    [JsonPropertyName("hostname")]
    public string? Hostname { get; init; }

    [JsonPropertyName("error-codes")]
    public IReadOnlyList<string>? ErrorCodes { get; init; }
}
