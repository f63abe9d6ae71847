using TrendAccount.Sdk.InMemory;

namespace TrendAccount.Sdk.Tests.InMemory;

public sealed class RecordingAccountMailerTests
{
    private static AccountMessage Message(string to, AccountMessageKind kind, Uri? link = null) =>
        new(kind, to, "subject", "text", "<p>html</p>", link);

    [Fact]
    public async Task LastLinkTo_SeveralMessages_ReturnsTheNewestLinkForThatAddressIgnoringCase()
    {
        var mailer = new RecordingAccountMailer();
        await mailer.SendAsync(Message("a@example.com", AccountMessageKind.PasswordReset, new Uri("https://x.example/r/1")), default);
        await mailer.SendAsync(Message("b@example.com", AccountMessageKind.PasswordReset, new Uri("https://x.example/r/2")), default);
        await mailer.SendAsync(Message("A@example.com", AccountMessageKind.PasswordReset, new Uri("https://x.example/r/3")), default);
        await mailer.SendAsync(Message("a@example.com", AccountMessageKind.PasswordChanged), default);

        Assert.Equal(new Uri("https://x.example/r/3"), mailer.LastLinkTo("a@example.com"));
        Assert.Equal(AccountMessageKind.PasswordChanged, mailer.LastMessageTo("a@example.com")!.Kind);
        Assert.Equal(AccountMessageKind.PasswordReset, mailer.LastMessageTo("a@example.com", AccountMessageKind.PasswordReset)!.Kind);
        Assert.Equal(3, mailer.MessagesTo("a@example.com").Count);
        Assert.Null(mailer.LastLinkTo("c@example.com"));
    }

    [Fact]
    public async Task SendAsync_FromManyThreads_KeepsEveryMessage()
    {
        var mailer = new RecordingAccountMailer();
        await Parallel.ForAsync(0, 500, async (i, ct) => await mailer.SendAsync(Message($"u{i}@example.com", AccountMessageKind.EmailReminder), ct));
        Assert.Equal(500, mailer.Messages.Count);
        Assert.Equal(500, mailer.Messages.Select(m => m.To).Distinct().Count());
        mailer.Clear();
        Assert.Empty(mailer.Messages);
    }
}
