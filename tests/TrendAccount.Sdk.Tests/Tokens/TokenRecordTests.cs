using Microsoft.Extensions.Time.Testing;

namespace TrendAccount.Sdk.Tests.Tokens;

public sealed class TokenRecordTests
{
    private static TokenRecord Issue(FakeTimeProvider time, TimeSpan lifetime)
    {
        var issued = SecureTokens.Issue();
        var now = time.GetUtcNow();
        return new TokenRecord
        {
            Digest = issued.Digest,
            AccountId = Guid.NewGuid(),
            Purpose = TokenPurpose.PasswordReset,
            SecurityStamp = "stamp-1",
            IssuedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    [Fact]
    public void IsActiveAt_OneTickBeforeExpiry_IsTrueAndAtExpiryIsFalse()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var lifetime = new TokenOptions().PasswordResetLifetime;
        var token = Issue(time, lifetime);

        Assert.True(token.IsActiveAt(time.GetUtcNow()));

        time.Advance(lifetime - TimeSpan.FromTicks(1));
        Assert.True(token.IsActiveAt(time.GetUtcNow()));

        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(token.ExpiresAt, time.GetUtcNow());
        Assert.False(token.IsActiveAt(time.GetUtcNow()));

        time.Advance(TimeSpan.FromDays(1));
        Assert.False(token.IsActiveAt(time.GetUtcNow()));
    }

    [Fact]
    public void IsActiveAt_ExpiryInAnotherOffset_ComparesTheInstant()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var token = Issue(time, TimeSpan.FromMinutes(30));
        var expiryInTokyo = token.ExpiresAt.ToOffset(TimeSpan.FromHours(9));

        Assert.True(token.IsActiveAt(expiryInTokyo.AddTicks(-1)));
        Assert.False(token.IsActiveAt(expiryInTokyo));
    }

    [Fact]
    public void IsActiveAt_Consumed_IsFalseEvenBeforeExpiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var token = Issue(time, TimeSpan.FromMinutes(30));
        time.Advance(TimeSpan.FromMinutes(1));

        var consumed = token with { ConsumedAt = time.GetUtcNow() };

        Assert.False(consumed.IsActiveAt(time.GetUtcNow()));
        Assert.False(consumed.IsActiveAt(token.IssuedAt));
        Assert.True(token.IsActiveAt(time.GetUtcNow()));
        Assert.Null(token.ConsumedAt);
    }

    [Fact]
    public void With_ChangedExpiry_LeavesTheOriginalUntouched()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var token = Issue(time, TimeSpan.FromMinutes(30));

        var extended = token with { ExpiresAt = token.ExpiresAt.AddMinutes(30) };

        Assert.NotEqual(token, extended);
        Assert.Equal(token.IssuedAt.AddMinutes(30), token.ExpiresAt);
        Assert.Equal(token.Digest, extended.Digest);
    }
}
