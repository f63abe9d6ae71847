using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrendAccount.Sdk.InMemory;

namespace TrendAccount.Sdk.Tests.Recovery;

/// <summary>
/// Issue #13 ("across nodes"): two nodes answering "forgot password" for one account at the same moment must leave one
/// live link, not two. Two containers share one account store and one token store; a gate holds node A's token write
/// until node B has stored its own, the interleaving that left both links alive when each node revoked older links
/// before issuing its own.
/// </summary>
public sealed class ResetLinkRaceTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RequestPasswordResetAsync_TwoNodesInterleaved_ExactlyTheNewestLinkStaysLive(bool laterStoredIsNewer)
    {
        var tokens = new InMemoryTokenStore();
        var gateA = new GatedTokenStore(tokens);
        var gateB = new GatedTokenStore(tokens);
        await using var a = FlowHost.Create(build: b => Share(b, gateA, tokens, null));
        await using var b = FlowHost.Create(build: builder => Share(builder, gateB, tokens, a.Store));
        await a.RegisterAsync(Serial, Email, Password);

        // Node A's token is stored after node B's; its issue time is later, or earlier (a node whose clock is behind).
        a.Time.Advance(TimeSpan.FromSeconds(5));
        b.Time.Advance(TimeSpan.FromSeconds(laterStoredIsNewer ? 1 : 10));
        gateA.BeforeAdd = gateB.Added.Task;

        Assert.True((await a.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, ClientContext.Unknown))).Succeeded);
        Assert.True((await b.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, ClientContext.Unknown))).Succeeded);
        await b.Work.WhenIdleAsync();
        await a.Work.WhenIdleAsync();

        var linkA = FlowHost.TokenFrom(a.Mailer.LastMessageTo(Email, AccountMessageKind.PasswordReset)!.Link!);
        var linkB = FlowHost.TokenFrom(b.Mailer.LastMessageTo(Email, AccountMessageKind.PasswordReset)!.Link!);
        var recordA = await tokens.FindAsync(SecureTokens.TryComputeDigest(linkA)!, CancellationToken.None);
        var recordB = await tokens.FindAsync(SecureTokens.TryComputeDigest(linkB)!, CancellationToken.None);
        Assert.NotNull(recordA);
        Assert.NotNull(recordB);
        Assert.Equal(laterStoredIsNewer, recordA.IssuedAt > recordB.IssuedAt);

        var (newest, older) = laterStoredIsNewer ? (linkA, linkB) : (linkB, linkA);
        Assert.True(await b.Accounts.IsPasswordResetLinkValidAsync(newest));
        Assert.False(await a.Accounts.IsPasswordResetLinkValidAsync(older));
        Assert.False(await b.Accounts.IsPasswordResetLinkValidAsync(older));
    }

    [Fact]
    public async Task RequestPasswordResetAsync_SecondRequestOnOneNode_OnlyTheNewLinkWorks()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var first = await host.RequestResetTokenAsync(Email);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await host.RequestResetTokenAsync(Email);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.False(await host.Accounts.IsPasswordResetLinkValidAsync(first));
        Assert.True(await host.Accounts.IsPasswordResetLinkValidAsync(second));
    }

    /// <summary>Makes a node use the shared token store through its gate, and (for the second node) the first node's accounts.</summary>
    private static void Share(TrendAccountBuilder builder, GatedTokenStore gate, InMemoryTokenStore tokens, InMemoryAccountStore? accounts)
    {
        builder.Services.RemoveAll<InMemoryTokenStore>();
        builder.Services.RemoveAll<ITokenStore>();
        builder.Services.AddSingleton(tokens);
        builder.Services.AddSingleton<ITokenStore>(gate);
        if (accounts is not null)
        {
            builder.Services.RemoveAll<InMemoryAccountStore>();
            builder.Services.RemoveAll<IAccountStore>();
            builder.Services.AddSingleton(accounts);
            builder.Services.AddSingleton<IAccountStore>(accounts);
        }
    }
}
