using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.MailKit.Tests.Smtp;

public sealed class SmtpMailerOptionsValidatorTests
{
    [Fact]
    public void Validate_ValidOptions_Succeeds()
    {
        var result = Validate(Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Defaults_AreSecureSubmission()
    {
        var options = new SmtpMailerOptions();

        Assert.Equal(587, options.Port);
        Assert.Equal(SmtpTlsMode.StartTls, options.TlsMode);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Null(options.UserName);
    }

    [Fact]
    public void Validate_EmptyOptions_NamesEveryRequiredSetting()
    {
        var result = Validate(new SmtpMailerOptions());

        Assert.True(result.Failed);
        Assert.Equal(["TrendAccount:Smtp:Host is required.", "TrendAccount:Smtp:FromAddress is required."], result.Failures);
    }

    [Theory]
    [InlineData("smtp://mail.example.com", "TrendAccount:Smtp:Host ('smtp://mail.example.com') must be a host name or an IP address")]
    [InlineData("mail.example.com:587", "TrendAccount:Smtp:Host ('mail.example.com:587') must be a host name or an IP address")]
    [InlineData("   ", "TrendAccount:Smtp:Host is required.")]
    public void Validate_BadHost_NamesHost(string host, string expected)
    {
        var options = Valid();
        options.Host = host;

        Assert.StartsWith(expected, Assert.Single(Validate(options).Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-25)]
    [InlineData(65536)]
    public void Validate_PortOutOfRange_NamesPort(int port)
    {
        var options = Valid();
        options.Port = port;

        Assert.StartsWith("TrendAccount:Smtp:Port (", Assert.Single(Validate(options).Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndefinedTlsMode_NamesTlsMode()
    {
        var options = Valid();
        options.TlsMode = (SmtpTlsMode)42;

        Assert.StartsWith("TrendAccount:Smtp:TlsMode (42)", Assert.Single(Validate(options).Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Account <account@example.com>")]
    [InlineData("a@example.com, b@example.com")]
    public void Validate_FromAddressNotASingleAddress_NamesFromAddress(string from)
    {
        var options = Valid();
        options.FromAddress = from;

        Assert.StartsWith("TrendAccount:Smtp:FromAddress (", Assert.Single(Validate(options).Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(601)]
    public void Validate_TimeoutOutOfRange_NamesTimeout(int seconds)
    {
        var options = Valid();
        options.Timeout = TimeSpan.FromSeconds(seconds);

        Assert.StartsWith("TrendAccount:Smtp:Timeout (", Assert.Single(Validate(options).Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UserNameWithoutPassword_NamesPassword()
    {
        var options = Valid();
        options.UserName = "mailer";

        Assert.Equal("TrendAccount:Smtp:Password is required when TrendAccount:Smtp:UserName is set.", Assert.Single(Validate(options).Failures!));
    }

    [Fact]
    public void Validate_PasswordWithoutUserName_NamesUserName()
    {
        var options = Valid();
        options.Password = "secret";

        Assert.Equal("TrendAccount:Smtp:UserName is required when TrendAccount:Smtp:Password is set.", Assert.Single(Validate(options).Failures!));
    }

    [Theory]
    [InlineData(SmtpTlsMode.None)]
    [InlineData(SmtpTlsMode.StartTlsWhenAvailable)]
    public void Validate_CredentialsWithoutGuaranteedTlsToRemoteHost_Fails(SmtpTlsMode mode)
    {
        var options = Valid();
        options.TlsMode = mode;
        options.UserName = "mailer";
        options.Password = "secret";

        var failure = Assert.Single(Validate(options).Failures!);

        Assert.StartsWith($"TrendAccount:Smtp:TlsMode ({mode}) must be StartTls or SslOnConnect", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Validate_CredentialsWithoutTlsToLoopback_Succeeds(string host)
    {
        var options = Valid();
        options.Host = host;
        options.TlsMode = SmtpTlsMode.None;
        options.UserName = "mailer";
        options.Password = "secret";

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_NamedOptionsOrMailerNotInUse_Skips()
    {
        Assert.True(new SmtpMailerOptionsValidator(static () => true).Validate("other", new SmtpMailerOptions()).Skipped);
        Assert.True(new SmtpMailerOptionsValidator(static () => false).Validate(Options.DefaultName, new SmtpMailerOptions()).Skipped);
    }

    private static ValidateOptionsResult Validate(SmtpMailerOptions options) =>
        new SmtpMailerOptionsValidator(static () => true).Validate(Options.DefaultName, options);

    private static SmtpMailerOptions Valid() => new()
    {
        Host = "smtp.example.com",
        Port = 587,
        TlsMode = SmtpTlsMode.StartTls,
        FromAddress = "account@example.com",
        FromName = "Trend Micro Account",
    };
}
