using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrendAccount.Sdk.Tests.Hashing;

/// <summary>One bcrypt string from Fixtures/bcrypt-vectors.json, made by libxcrypt, htpasswd or mkpasswd (make-bcrypt-vectors.py).</summary>
public sealed record BcryptVector(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("utf8Bytes")] int Utf8Bytes,
    [property: JsonPropertyName("hash")] string Hash)
{
    private static readonly Lazy<IReadOnlyList<BcryptVector>> Vectors = new(Load);

    public static IReadOnlyList<BcryptVector> All => Vectors.Value;

    public static TheoryData<string> Names() => new(All.Select(v => v.Name));

    public static BcryptVector Named(string name) => All.Single(v => v.Name == name);

    public override string ToString() => Name;

    private static IReadOnlyList<BcryptVector> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Hashing", "Fixtures", "bcrypt-vectors.json");
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("vectors").Deserialize<List<BcryptVector>>()
            ?? throw new InvalidOperationException("bcrypt-vectors.json holds no vectors.");
    }
}
