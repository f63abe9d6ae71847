using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class TokenStoreSpecification
{
    /// <summary>An added record is found by its digest with every field as written.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task AddAsync_NewRecord_FindAsyncReturnsEqualRecord()
    {
        var store = await NewStoreAsync();
        var reset = await AddTokenAsync(store);
        var session = await AddTokenAsync(store, reset.AccountId, TokenPurpose.Session);

        Assert.Equal(reset, await store.FindAsync(reset.Digest, CancellationToken.None));
        Assert.Equal(session, await store.FindAsync(session.Digest, CancellationToken.None));
    }

    /// <summary>A record added as already consumed keeps its consumption time.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task AddAsync_ConsumedRecord_FindAsyncReturnsEqualRecord()
    {
        var store = await NewStoreAsync();
        var token = NewToken(Guid.NewGuid(), TokenPurpose.Session, ExpiresAt) with { ConsumedAt = Origin };

        await store.AddAsync(token, CancellationToken.None);

        Assert.Equal(token, await store.FindAsync(token.Digest, CancellationToken.None));
        Assert.False(await store.TryConsumeAsync(token.Digest, Origin.AddMinutes(1), CancellationToken.None));
    }

    /// <summary>
    /// A record's payload (a pending registration rides on its confirmation token) comes back verbatim, at the
    /// longest length the contract allows, and stays with the record once it is consumed.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task AddAsync_RecordWithPayload_FindAsyncReturnsPayloadVerbatim()
    {
        var store = await NewStoreAsync();
        var prefix = "{\"Email\":\"jöhn@example.com\",\"Hash\":\"$2b$04$";
        var payload = prefix + new string('x', TokenRecord.MaximumPayloadLength - prefix.Length - 2) + "\"}";
        Assert.Equal(TokenRecord.MaximumPayloadLength, payload.Length);
        var token = NewToken(Guid.NewGuid(), TokenPurpose.RegistrationConfirmation, ExpiresAt) with { Payload = payload };

        await store.AddAsync(token, CancellationToken.None);
        Assert.True(await store.TryConsumeAsync(token.Digest, Origin, CancellationToken.None));

        var found = await store.FindAsync(token.Digest, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(payload, found.Payload);
        Assert.Equal(TokenPurpose.RegistrationConfirmation, found.Purpose);
        Assert.NotNull(found.ConsumedAt);
        Assert.False(await store.TryConsumeAsync(token.Digest, Origin, CancellationToken.None));
    }

    /// <summary>A record without a payload comes back without one.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task AddAsync_RecordWithoutPayload_FindAsyncReturnsNullPayload()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store);

        Assert.Null((await store.FindAsync(token.Digest, CancellationToken.None))!.Payload);
    }

    /// <summary>A digest no record has finds nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindAsync_UnknownDigest_ReturnsNull()
    {
        var store = await NewStoreAsync();
        await AddTokenAsync(store);

        Assert.Null(await store.FindAsync(ConformanceData.NewDigest(), CancellationToken.None));
    }

    /// <summary>Adding a second record with a digest already stored fails, and the first record stays as it was.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task AddAsync_DuplicateDigest_ThrowsAndKeepsFirstRecord()
    {
        var store = await NewStoreAsync();
        var first = await AddTokenAsync(store);
        var second = NewToken(Guid.NewGuid(), TokenPurpose.Session, ExpiresAt.AddDays(1)) with { Digest = first.Digest };

        await Assert.ThrowsAnyAsync<Exception>(() => store.AddAsync(second, CancellationToken.None));

        Assert.Equal(first, await store.FindAsync(first.Digest, CancellationToken.None));
    }

    /// <summary>Changing a copy of a returned record does not change the stored record.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindAsync_ChangedCopyOfResult_DoesNotChangeStore()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store);
        var found = await store.FindAsync(token.Digest, CancellationToken.None);
        Assert.NotNull(found);

        _ = found with { ConsumedAt = Origin, ExpiresAt = Origin, AccountId = Guid.NewGuid() };

        Assert.Equal(token, await store.FindAsync(token.Digest, CancellationToken.None));
        Assert.True(await store.TryConsumeAsync(token.Digest, Origin, CancellationToken.None));
    }

    /// <summary>
    /// Every member given a token that is already cancelled throws <see cref="OperationCanceledException"/>, and a
    /// write that would otherwise have succeeded leaves no trace.
    /// </summary>
    /// <param name="member">The <see cref="ITokenStore"/> member called.</param>
    /// <returns>A task that completes when the test has run.</returns>
    [Theory]
    [InlineData(nameof(ITokenStore.AddAsync))]
    [InlineData(nameof(ITokenStore.FindAsync))]
    [InlineData(nameof(ITokenStore.TryConsumeAsync))]
    [InlineData(nameof(ITokenStore.TryExtendAsync))]
    [InlineData(nameof(ITokenStore.RevokeAllAsync))]
    [InlineData(nameof(ITokenStore.RevokeAllButNewestAsync))]
    public async Task Member_PreCancelledToken_ThrowsOperationCanceledAndWritesNothing(string member)
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store);
        var newcomer = NewToken(token.AccountId, TokenPurpose.Session, ExpiresAt);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var cancelled = cancellation.Token;

        Func<Task> call = member switch
        {
            nameof(ITokenStore.AddAsync) => () => store.AddAsync(newcomer, cancelled),
            nameof(ITokenStore.FindAsync) => () => store.FindAsync(token.Digest, cancelled),
            nameof(ITokenStore.TryConsumeAsync) => () => store.TryConsumeAsync(token.Digest, Origin, cancelled),
            nameof(ITokenStore.TryExtendAsync) => () => store.TryExtendAsync(token.Digest, ExpiresAt.AddHours(1), Origin, cancelled),
            nameof(ITokenStore.RevokeAllAsync) => () => store.RevokeAllAsync(token.AccountId, null, Origin, cancelled),
            nameof(ITokenStore.RevokeAllButNewestAsync) => () => store.RevokeAllButNewestAsync(token.AccountId, token.Purpose, Origin, cancelled),
            _ => throw new ArgumentOutOfRangeException(nameof(member), member, "Not a member of ITokenStore."),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(call);

        Assert.Equal(token, await store.FindAsync(token.Digest, CancellationToken.None));
        Assert.Null(await store.FindAsync(newcomer.Digest, CancellationToken.None));
    }
}
