using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrendAccount.Sdk.Tests.Hashing;

/// <summary>One hash from Fixtures/legacy-hashes.json, made by a tool independent of the SDK.</summary>
public sealed record LegacyHashFixture(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("wrongPassword")] string WrongPassword,
    [property: JsonPropertyName("hash")] string Hash)
{
    private static readonly Lazy<IReadOnlyList<LegacyHashFixture>> Fixtures = new(Load);

    public static IReadOnlyList<LegacyHashFixture> All => Fixtures.Value;

    public static TheoryData<string> Names() => new(All.Select(f => f.Name));

    public static LegacyHashFixture Named(string name) => All.Single(f => f.Name == name);

    public override string ToString() => Name;

    private static IReadOnlyList<LegacyHashFixture> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Hashing", "Fixtures", "legacy-hashes.json");
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("fixtures").Deserialize<List<LegacyHashFixture>>()
            ?? throw new InvalidOperationException("legacy-hashes.json holds no fixtures.");
    }
}
