using System.Reflection;
using System.Runtime.CompilerServices;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Tests.Diagnostics;

/// <summary>
/// Issue #11, item 10: <c>ToString()</c> of a record printed the password hash, the security stamp and the token
/// digest. Every public record of the SDK's packages is found by reflection, every text property is filled with a
/// recognisable value, and <c>ToString()</c> may show only the values listed here as harmless. A new record, or a new
/// text property on one, fails this test until its printing is decided.
/// </summary>
public sealed class RecordRedactionTests
{
    // Text members that ToString may print as they are: not secrets, not personal data a log must mask.
    private static readonly HashSet<string> Printable = new(StringComparer.Ordinal)
    {
        "ClientContext.IpAddress",     // the partition key rate limits log; not a secret
        "ClientContext.UserAgent",
        "SerialRecord.ProductCode",
    };

    public static TheoryData<Type> PublicRecords() => new(FindPublicRecords());

    [Fact]
    public void PublicRecords_Found_IncludeTheStoredRecords()
    {
        var found = FindPublicRecords();

        Assert.Contains(typeof(AccountRecord), found);
        Assert.Contains(typeof(TokenRecord), found);
        Assert.Contains(typeof(SerialRecord), found);
        Assert.Contains(typeof(PasswordContext), found);
        Assert.Contains(typeof(FailedSignInOutcome), found);
    }

    [Theory]
    [MemberData(nameof(PublicRecords))]
    public void ToString_EveryPublicRecord_PrintsNoSecretOrUnmaskedValue(Type record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var instance = RuntimeHelpers.GetUninitializedObject(record);
        var sentinels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType == typeof(string) && p.SetMethod is not null))
        {
            // Shaped like what it stands for, so masking code takes its normal path: an address, a serial, a hash.
            var value = $"Zq{property.Name}Sentinel7x@example.com";
            property.SetValue(instance, value);
            sentinels.Add($"{record.Name}.{property.Name}", value);
        }

        var printed = instance.ToString() ?? string.Empty;

        Assert.StartsWith(record.Name, printed, StringComparison.Ordinal);
        foreach (var (member, value) in sentinels.Where(s => !Printable.Contains(s.Key)))
        {
            Assert.False(printed.Contains(value, StringComparison.Ordinal), $"{member} is printed by ToString(): {printed}");
            Assert.False(printed.Contains($"Zq{member[(member.IndexOf('.', StringComparison.Ordinal) + 1)..]}Sentinel", StringComparison.Ordinal), $"{member} is partly printed by ToString(): {printed}");
        }
    }

    [Fact]
    public void ToString_AccountRecord_ShowsNoHashStampOrAddress()
    {
        var account = new AccountRecord
        {
            Id = Guid.NewGuid(),
            Email = "jane.doe@example.com",
            LookupKey = "jane.doe@example.com",
            PasswordHash = "$tabc1$-$2b$04$b8h7112MFx31yfWhiMyDIeO6QapVIhBzgTjymOefSA7DKkP/4E02G",
            SecurityStamp = AccountRecord.NewSecurityStamp(),
            CreatedAt = DateTimeOffset.UnixEpoch,
        };

        var printed = account.ToString();

        Assert.DoesNotContain(account.PasswordHash, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("b8h7112MFx31", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(account.SecurityStamp, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", printed, StringComparison.Ordinal);
        Assert.Contains(account.Id.ToString(), printed, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_TokenRecord_ShowsNoDigestOrStamp()
    {
        var token = new TokenRecord
        {
            Digest = new string('a', TokenRecord.DigestLength),
            AccountId = Guid.NewGuid(),
            Purpose = TokenPurpose.PasswordReset,
            SecurityStamp = AccountRecord.NewSecurityStamp(),
            IssuedAt = DateTimeOffset.UnixEpoch,
            ExpiresAt = DateTimeOffset.UnixEpoch.AddHours(1),
        };

        var printed = token.ToString();

        Assert.DoesNotContain(token.Digest, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(token.SecurityStamp, printed, StringComparison.Ordinal);
        Assert.Contains("PasswordReset", printed, StringComparison.Ordinal);
    }

    private static List<Type> FindPublicRecords() =>
        [.. new[] { typeof(AccountRecord).Assembly, typeof(AccountStoreSpecification).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(IsRecord)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    // A record (class or struct) has a compiler-generated PrintMembers, or one it overrides, either way non-public.
    private static bool IsRecord(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance, [typeof(System.Text.StringBuilder)]) is not null;
}
