using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrendAccount.Sdk;

/// <summary>
/// A registration waiting for its confirmation link to be used: kept as the <see cref="TokenRecord.Payload"/> of
/// the <see cref="TokenPurpose.RegistrationConfirmation"/> token, so it lives exactly as long as the link and in the
/// same store (in memory, SQLite or PostgreSQL), and goes away with it. Immutable.
/// </summary>
internal sealed record PendingRegistration(string Email, string LookupKey, string PasswordHash, string Serial)
{
    public string ToPayload() => JsonSerializer.Serialize(this, PendingRegistrationJsonContext.Default.PendingRegistration);

    /// <summary>Reads a payload back; <see langword="null"/> when it is missing or not a pending registration.</summary>
    public static PendingRegistration? FromPayload(string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return null;
        }

        try
        {
            var pending = JsonSerializer.Deserialize(payload, PendingRegistrationJsonContext.Default.PendingRegistration);
            return pending is { Email.Length: > 0, LookupKey.Length: > 0, PasswordHash.Length: > 0, Serial.Length: > 0 } ? pending : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() => "PendingRegistration(***)";
}

/// <summary>Source-generated (trimming- and AOT-safe) JSON metadata for <see cref="PendingRegistration"/>.</summary>
[JsonSerializable(typeof(PendingRegistration))]
internal sealed partial class PendingRegistrationJsonContext : JsonSerializerContext
{
}
