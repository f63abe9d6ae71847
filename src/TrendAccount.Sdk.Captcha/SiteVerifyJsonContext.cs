using System.Text.Json.Serialization;

namespace TrendAccount.Sdk.Captcha;

/// <summary>Source-generated JSON metadata for the site-verify answer (no reflection; AOT clean).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SiteVerifyAnswer))]
internal sealed partial class SiteVerifyJsonContext : JsonSerializerContext
{
}
