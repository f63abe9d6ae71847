using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TrendAccount.Sdk.MailKit;

/// <summary>
/// Validates <see cref="SmtpMailerOptions"/> at start-up. Skips when another mailer replaced the SMTP mailer
/// (every <c>Use…</c> replaces the earlier one), so a discarded registration does not stop the host.
/// </summary>
internal sealed class SmtpMailerOptionsValidator : IValidateOptions<SmtpMailerOptions>
{
    private const string Prefix = SmtpMailerOptions.SectionName + ":";
    private readonly Func<bool> _isInUse;

    public SmtpMailerOptionsValidator(Func<bool> isInUse) => _isInUse = isInUse;

    public ValidateOptionsResult Validate(string? name, SmtpMailerOptions options)
    {
        if (!string.IsNullOrEmpty(name) || !_isInUse())
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every failure, if any.</summary>
    public static void ThrowIfInvalid(SmtpMailerOptions options)
    {
        var failures = Collect(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SmtpMailerOptions), failures);
        }
    }

    public static List<string> Collect(SmtpMailerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add($"{Prefix}Host is required.");
        }
        else if (Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            failures.Add($"{Prefix}Host ('{options.Host}') must be a host name or an IP address, without a scheme or a port.");
        }

        if (options.Port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
        {
            failures.Add($"{Prefix}Port ({options.Port.ToString(CultureInfo.InvariantCulture)}) must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(options.TlsMode))
        {
            failures.Add($"{Prefix}TlsMode ({options.TlsMode}) must be None, StartTls, StartTlsWhenAvailable or SslOnConnect.");
        }

        var hasUser = !string.IsNullOrEmpty(options.UserName);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (hasUser && !hasPassword)
        {
            failures.Add($"{Prefix}Password is required when {Prefix}UserName is set.");
        }
        else if (hasPassword && !hasUser)
        {
            failures.Add($"{Prefix}UserName is required when {Prefix}Password is set.");
        }

        if (hasUser && options.TlsMode is SmtpTlsMode.None or SmtpTlsMode.StartTlsWhenAvailable && !IsLoopback(options.Host))
        {
            failures.Add(
                $"{Prefix}TlsMode ({options.TlsMode}) must be StartTls or SslOnConnect when {Prefix}UserName is set: " +
                "the password would cross the network in clear text. Only a loopback Host may authenticate without TLS.");
        }

        if (string.IsNullOrWhiteSpace(options.FromAddress))
        {
            failures.Add($"{Prefix}FromAddress is required.");
        }
        else if (!IsAddress(options.FromAddress))
        {
            failures.Add($"{Prefix}FromAddress ('{options.FromAddress}') must be a single email address, such as account@example.com.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > SmtpMailerOptions.MaximumTimeout)
        {
            failures.Add($"{Prefix}Timeout ({options.Timeout}) must be positive and at most 10 minutes.");
        }

        return failures;
    }

    private static bool IsAddress(string value) =>
        MailboxAddress.TryParse(value, out var mailbox)
        && string.IsNullOrEmpty(mailbox.Name)
        && mailbox.Address.Contains('@', StringComparison.Ordinal)
        && string.Equals(mailbox.Address, value.Trim(), StringComparison.Ordinal);

    private static bool IsLoopback(string? host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
