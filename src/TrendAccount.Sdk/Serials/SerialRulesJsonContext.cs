using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrendAccount.Sdk;

/// <summary>Source-generated (trimming- and AOT-safe) JSON metadata for <see cref="SerialOptions.LoadRulesFromJson(string)"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    UseStringEnumConverter = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(List<SerialPrefixRule>))]
[JsonSerializable(typeof(SerialRulesDocument))]
internal sealed partial class SerialRulesJsonContext : JsonSerializerContext
{
}
