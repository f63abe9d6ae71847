using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TrendAccount.Sdk.MailKit;

/// <summary>
/// Writes each account email as an RFC 5322 <c>.eml</c> file into a folder instead of sending it, for development and
/// samples: open a file in a mail client, or list the folder with <see cref="ReadMessages()"/>. Thread-safe.
/// </summary>
/// <remarks>
/// File names sort by time and are unique (<c>20250101T120000123Z-PasswordReset-&lt;random&gt;.eml</c>). Each file is
/// written under a temporary name and then renamed, so a reader never sees half a message. The kind and the link are
/// repeated in the <see cref="AccountMailHeaders.Kind"/> and <see cref="AccountMailHeaders.Link"/> headers, so tools need
/// not scrape bodies. Files hold live reset links: never point this mailer at a shared folder in production.
/// </remarks>
public sealed class PickupDirectoryAccountMailer : IAccountMailer
{
    private const string Extension = ".eml";
    private static readonly MailboxAddress DefaultFrom = new("TrendAccount (pickup directory)", "no-reply@localhost");

    // RFC 5322 lines end in CRLF on every platform (MimeKit's default follows the platform).
    private static readonly FormatOptions FileFormat = CreateFileFormat();

    private readonly ILogger<PickupDirectoryAccountMailer> _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="PickupDirectoryAccountMailer"/> class.</summary>
    /// <param name="options">The settings; validated here as well as at start-up.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="timeProvider">The clock for the Date header and the file names.</param>
    /// <exception cref="OptionsValidationException">The settings are not valid.</exception>
    public PickupDirectoryAccountMailer(IOptions<PickupDirectoryMailerOptions> options, ILogger<PickupDirectoryAccountMailer> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        PickupDirectoryMailerOptionsValidator.ThrowIfInvalid(options.Value);
        Directory = System.IO.Path.GetFullPath(options.Value.Directory!);
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the full path of the folder the messages are written to.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    /// <exception cref="AccountMailDeliveryException">The file could not be written (already logged).</exception>
    public async Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();

        var recipient = EmailMask.Mask(message.To);
        if (!AccountMimeMessage.TryParseRecipient(message.To, out var to))
        {
            var invalid = new AccountMailDeliveryException(
                AccountMailDeliveryFailure.InvalidAddress, $"The recipient address of the {message.Kind} email ({recipient}) is not a valid email address.");
            MailLog.PickupMessageFailed(_logger, message.Kind, recipient, Directory, invalid.Failure, invalid);
            throw invalid;
        }

        var now = _timeProvider.GetUtcNow();
        using var mime = AccountMimeMessage.Create(message, DefaultFrom, to, now, includeLinkHeader: true);

        // What an SMTP client would send to a server without 8BITMIME: short lines stay as they are, so a link is
        // readable in the raw file; other parts get quoted-printable or base64.
        mime.Prepare(EncodingConstraint.SevenBit, AccountMimeMessage.MaximumLineLength);

        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"{now.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{message.Kind}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}{Extension}");
        var path = System.IO.Path.Combine(Directory, name);
        var temporary = System.IO.Path.Combine(Directory, "." + name + ".tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await mime.WriteToAsync(FileFormat, stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            TryDelete(temporary);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            var failure = new AccountMailDeliveryException(
                AccountMailDeliveryFailure.WriteFailed, $"The {message.Kind} email could not be written to the pickup directory.", exception);
            MailLog.PickupMessageFailed(_logger, message.Kind, recipient, Directory, failure.Failure, failure);
            throw failure;
        }

        MailLog.PickupMessageWritten(_logger, message.Kind, recipient, path);
    }

    /// <summary>Reads every message in <see cref="Directory"/>, newest first.</summary>
    /// <returns>The messages; empty when the folder does not exist.</returns>
    public IReadOnlyList<PickupMessage> ReadMessages() => ReadMessages(Directory);

    /// <summary>
    /// Reads every <c>.eml</c> file in a folder, newest first. Files that are not valid messages, or disappear while
    /// being read, are skipped.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The messages; empty when the folder does not exist.</returns>
    public static IReadOnlyList<PickupMessage> ReadMessages(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }

        var messages = new List<PickupMessage>();
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (TryRead(file) is { } message)
            {
                messages.Add(message);
            }
        }

        // Names start with the UTC time, so the name breaks ties between messages of the same Date.
        messages.Sort(static (a, b) =>
        {
            var byDate = b.Date.CompareTo(a.Date);
            return byDate != 0 ? byDate : string.CompareOrdinal(b.Path, a.Path);
        });
        return messages;
    }

    private static PickupMessage? TryRead(string file)
    {
        MimeMessage mime;
        try
        {
            mime = MimeMessage.Load(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }

        using (mime)
        {
            AccountMessageKind? kind = Enum.TryParse<AccountMessageKind>(mime.Headers[AccountMailHeaders.Kind]?.Trim(), ignoreCase: false, out var parsed)
                && Enum.IsDefined(parsed) ? parsed : null;
            var linkText = mime.Headers[AccountMailHeaders.Link]?.Trim();
            var link = Uri.TryCreate(linkText, UriKind.Absolute, out var uri) ? uri : null;
            var to = mime.To.Mailboxes.FirstOrDefault()?.Address ?? string.Empty;
            return new PickupMessage(
                System.IO.Path.GetFullPath(file), kind, to, mime.Subject ?? string.Empty, mime.Date, mime.MessageId, link, mime.TextBody, mime.HtmlBody);
        }
    }

    private static FormatOptions CreateFileFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is ignored by readers (it does not end in .eml).
        }
    }
}
