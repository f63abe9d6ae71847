using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using TrendAccount.Sdk.MailKit.Tests.Infrastructure;

namespace TrendAccount.Sdk.MailKit.Tests.Pickup;

public sealed class PickupDirectoryAccountMailerTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeLogger<PickupDirectoryAccountMailer> _logger = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 7, 8, 9, 10, 123, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SendAsync_MissingFolder_CreatesItAndWritesOneParseableEml()
    {
        var folder = _temp.Combine("nested", "outbox");
        var mailer = CreateMailer(folder);

        await mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Matches(@"^20250607T080910123Z-PasswordReset-[0-9A-F]{16}\.eml$", Path.GetFileName(file));
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(Messages.Recipient, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Change your password now", message.Subject);
        Assert.Equal(WholeSeconds(_time.GetUtcNow()), message.Date);
        Assert.DoesNotContain("\n", (await File.ReadAllTextAsync(file)).Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.Equal("PasswordReset", message.Headers[AccountMailHeaders.Kind]);
        Assert.Equal(Messages.ResetLink.AbsoluteUri, message.Headers[AccountMailHeaders.Link]);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Contains(Messages.ResetLink.AbsoluteUri, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Messages.ResetLink.AbsoluteUri}\"", message.HtmlBody, StringComparison.Ordinal);

        // Short ASCII lines are written as they are: the link is readable in the raw file too, header and body.
        var raw = await File.ReadAllTextAsync(file);
        Assert.Contains($"\r\n{AccountMailHeaders.Link}: {Messages.ResetLink.AbsoluteUri}\r\n", raw, StringComparison.Ordinal);
        Assert.Contains($"\r\n{Messages.ResetLink.AbsoluteUri}\r\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_LongLinkAndNonAsciiText_LinkExactInHeaderAndDecodedParts()
    {
        var mailer = CreateMailer(_temp.Path);
        var link = Messages.LongLink;
        var message = new AccountMessage(
            AccountMessageKind.PasswordReset, Messages.Recipient, "Passwort ändern", $"Grüße!\r\n{link.AbsoluteUri}\r\n",
            $"<p>Grüße!</p><a href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\">Ändern</a>", link);

        await mailer.SendAsync(message, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_temp.Path));
        using var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal(link.AbsoluteUri, parsed.Headers[AccountMailHeaders.Link]);
        Assert.Contains(link.AbsoluteUri, parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(link.AbsoluteUri), parsed.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Passwort ändern", parsed.Subject);
        var raw = await File.ReadAllTextAsync(file, Encoding.ASCII);
        Assert.Contains($"\r\n{AccountMailHeaders.Link}: {link.AbsoluteUri}\r\n", raw, StringComparison.Ordinal);
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 998, $"A line of {line.Length} characters."));
        Assert.Equal(link, Assert.Single(mailer.ReadMessages()).Link);
    }

    [Fact]
    public async Task SendAsync_MessageWithoutLink_WritesNoLinkHeader()
    {
        var mailer = CreateMailer(_temp.Path);

        await mailer.SendAsync(Messages.PasswordChanged(), CancellationToken.None);

        using var parsed = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_temp.Path)));
        Assert.Null(parsed.Headers[AccountMailHeaders.Link]);
        Assert.Equal("PasswordChanged", parsed.Headers[AccountMailHeaders.Kind]);
    }

    [Fact]
    public async Task SendAsync_ConcurrentSendsAtTheSameInstant_WriteDistinctCompleteFiles()
    {
        var mailer = CreateMailer(_temp.Path);
        var recipients = Enumerable.Range(0, 40).Select(i => $"user{i}@example.com").ToArray();

        await Task.WhenAll(recipients.Select(to => Task.Run(() => mailer.SendAsync(Messages.PasswordReset(to: to), CancellationToken.None))));

        var files = Directory.GetFiles(_temp.Path);
        Assert.Equal(recipients.Length, files.Length);
        Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
        var messages = mailer.ReadMessages();
        Assert.Equal(recipients.Order(), messages.Select(m => m.To).Order());
        Assert.Equal(recipients.Length, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.All(messages, m => Assert.Equal(Messages.ResetLink, m.Link));
    }

    [Fact]
    public async Task ReadMessages_SeveralMessages_NewestFirstWithKindToSubjectLinkAndBodies()
    {
        var mailer = CreateMailer(_temp.Path);
        await mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        await mailer.SendAsync(Messages.PasswordChanged(), CancellationToken.None);

        var messages = mailer.ReadMessages();

        Assert.Collection(
            messages,
            newest =>
            {
                Assert.Equal(AccountMessageKind.PasswordChanged, newest.Kind);
                Assert.Null(newest.Link);
                Assert.Equal("Password Changed", newest.Subject);
                Assert.Equal(WholeSeconds(_time.GetUtcNow()), newest.Date);
            },
            oldest =>
            {
                Assert.Equal(AccountMessageKind.PasswordReset, oldest.Kind);
                Assert.Equal(Messages.Recipient, oldest.To);
                Assert.Equal("Change your password now", oldest.Subject);
                Assert.Equal(Messages.ResetLink, oldest.Link);
                Assert.Contains(Messages.ResetLink.AbsoluteUri, oldest.TextBody, StringComparison.Ordinal);
                Assert.Contains("Change your password now", oldest.HtmlBody, StringComparison.Ordinal);
                Assert.True(File.Exists(oldest.Path));
            });
    }

    [Fact]
    public async Task ReadMessages_ForeignAndTemporaryFiles_AreSkippedOrReadWithoutKind()
    {
        var mailer = CreateMailer(_temp.Path);
        await mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);
        await File.WriteAllTextAsync(_temp.Combine(".half-written.eml.tmp"), "From: x");
        await File.WriteAllBytesAsync(_temp.Combine("empty.eml"), []);
        await File.WriteAllTextAsync(
            _temp.Combine("foreign.eml"),
            "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\n\r\nHello\r\n");

        var messages = PickupDirectoryAccountMailer.ReadMessages(_temp.Path);

        Assert.Equal(2, messages.Count(m => m.Subject.Length > 0));
        Assert.Single(messages, m => m.Kind == AccountMessageKind.PasswordReset);
        var foreign = Assert.Single(messages, m => m.Subject == "Hi");
        Assert.Null(foreign.Kind);
        Assert.Null(foreign.Link);
        Assert.DoesNotContain(messages, m => m.Path.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadMessages_MissingFolder_ReturnsEmpty() =>
        Assert.Empty(PickupDirectoryAccountMailer.ReadMessages(_temp.Combine("never-created")));

    [Fact]
    public async Task SendAsync_Success_LogsMaskedRecipientAndPathButNoLink()
    {
        var mailer = CreateMailer(_temp.Path);

        await mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);

        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(5111, record.Id.Id);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains(Messages.MaskedRecipient, record.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(Assert.Single(Directory.GetFiles(_temp.Path))), record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Messages.Recipient, record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_FolderIsAFile_ThrowsWriteFailedAndLogs()
    {
        var blocker = _temp.Combine("not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        var mailer = CreateMailer(blocker);

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None));

        Assert.Equal(AccountMailDeliveryFailure.WriteFailed, exception.Failure);
        Assert.IsAssignableFrom<IOException>(exception.InnerException);
        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(5112, record.Id.Id);
        Assert.Equal(LogLevel.Error, record.Level);
    }

    [Fact]
    public async Task SendAsync_InvalidRecipient_ThrowsInvalidAddressAndWritesNothing()
    {
        var mailer = CreateMailer(_temp.Path);

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(
            () => mailer.SendAsync(Messages.PasswordReset(to: "jane.doe@@example.com"), CancellationToken.None));

        Assert.Equal(AccountMailDeliveryFailure.InvalidAddress, exception.Failure);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task SendAsync_CancelledToken_ThrowsAndWritesNothing()
    {
        var mailer = CreateMailer(_temp.Path);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => mailer.SendAsync(Messages.PasswordReset(), new CancellationToken(canceled: true)));

        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Constructor_RelativeFolder_ResolvesAgainstCurrentDirectory()
    {
        var mailer = CreateMailer("outbox-relative");

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "outbox-relative"), mailer.Directory);
        Assert.False(Directory.Exists(mailer.Directory));
    }

    [Fact]
    public void Constructor_NoFolder_ThrowsOptionsValidationException()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => CreateMailer(null));

        Assert.Contains("TrendAccount:PickupDirectory:Directory is required.", exception.Failures);
    }

    // The Date header carries whole seconds.
    private static DateTimeOffset WholeSeconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));

    private PickupDirectoryAccountMailer CreateMailer(string? directory) =>
        new(Options.Create(new PickupDirectoryMailerOptions { Directory = directory }), _logger, _time);
}
