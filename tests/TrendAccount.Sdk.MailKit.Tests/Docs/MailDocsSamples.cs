using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrendAccount.Sdk.MailKit.Tests.Infrastructure;

namespace TrendAccount.Sdk.MailKit.Tests.Docs;

/// <summary>
/// The code samples of docs/mail.md, compiled. The page writes <c>builder.Services.AddTrendAccount()</c>,
/// <c>builder.Configuration</c> and <c>builder.Environment</c>; here they are parameters.
/// </summary>
public sealed class MailDocsSamples : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    internal static void ChooseMailerPerEnvironment(TrendAccountBuilder account, IConfiguration configuration, bool isDevelopment)
    {
        if (isDevelopment)
        {
            account.UsePickupDirectoryMailer("outbox");
        }
        else
        {
            account.UseSmtpMailer(configuration.GetSection(SmtpMailerOptions.SectionName));
        }
    }

    internal static void SmtpInCode(TrendAccountBuilder account, IReadOnlyDictionary<string, string> secrets)
    {
        account.UseSmtpMailer(smtp =>
        {
            smtp.Host = "smtp.example.com";
            smtp.Port = 465;
            smtp.TlsMode = SmtpTlsMode.SslOnConnect;
            smtp.UserName = "account-mailer";
            smtp.Password = secrets["smtp-password"];
            smtp.FromAddress = "account@example.com";
            smtp.FromName = "Trend Micro Account";
        });
    }

    internal static void PrintOutbox(IServiceProvider services)
    {
        var mailer = services.GetRequiredService<PickupDirectoryAccountMailer>();
        Console.WriteLine($"Account emails are written to {mailer.Directory}");
        foreach (PickupMessage message in mailer.ReadMessages())
        {
            Console.WriteLine($"{message.Date:u} {message.Kind} to {message.To}: {message.Subject} {message.Link}");
        }

        // Without DI, for any folder:
        var messages = PickupDirectoryAccountMailer.ReadMessages("outbox");
        GC.KeepAlive(messages);
    }

    internal static void RegisterTexts(IServiceCollection services) =>
        services.AddSingleton<TrendAccountMessages, GermanAccountMessages>();

    internal static void RegisterBrandedMailer(TrendAccountBuilder account, IConfiguration configuration)
    {
        account.UseSmtpMailer(configuration.GetSection(SmtpMailerOptions.SectionName));
        account.Services.Replace(ServiceDescriptor.Singleton<IAccountMailer, BrandedMailer>());
    }

    [Fact]
    public void ChooseMailerPerEnvironment_Development_UsesPickupFolder()
    {
        var services = new ServiceCollection();
        ChooseMailerPerEnvironment(new TrendAccountBuilder(services), new ConfigurationBuilder().Build(), isDevelopment: true);

        using var provider = services.BuildServiceProvider();
        var mailer = Assert.IsType<PickupDirectoryAccountMailer>(provider.GetRequiredService<IAccountMailer>());
        Assert.Equal(Path.GetFullPath("outbox"), mailer.Directory);
    }

    [Fact]
    public void SmtpInCode_ValidatesAtStartup()
    {
        var services = new ServiceCollection();
        SmtpInCode(new TrendAccountBuilder(services), new Dictionary<string, string> { ["smtp-password"] = "secret" });

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        Assert.IsType<SmtpAccountMailer>(provider.GetRequiredService<IAccountMailer>());
    }

    [Fact]
    public async Task BrandedMailer_WrapsTheHtmlAndKeepsTheLink()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TrendAccount:Smtp:Host"] = "127.0.0.1",
            ["TrendAccount:Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TrendAccount:Smtp:TlsMode"] = "None",
            ["TrendAccount:Smtp:FromAddress"] = "account@example.com",
        }).Build();
        var services = new ServiceCollection();
        RegisterBrandedMailer(new TrendAccountBuilder(services), configuration);

        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IAccountMailer>().SendAsync(Messages.PasswordReset(), CancellationToken.None);

        var received = Assert.Single(server.Received).Message;
        Assert.Contains("Example Corp.", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(Messages.ResetLink.AbsoluteUri, received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(Messages.ResetLink.AbsoluteUri, received.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintOutbox_PrintsFolderAndEachMessageWithItsLink()
    {
        var services = new ServiceCollection();
        new TrendAccountBuilder(services).UsePickupDirectoryMailer(_temp.Path);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IAccountMailer>().SendAsync(Messages.PasswordReset(), CancellationToken.None);
        var output = new StringWriter();
        var console = Console.Out;

        Console.SetOut(output);
        try
        {
            PrintOutbox(provider);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Contains($"Account emails are written to {_temp.Path}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"PasswordReset to {Messages.Recipient}: Change your password now {Messages.ResetLink.AbsoluteUri}", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RegisterTexts_ResolvesTheDerivedMessages()
    {
        var services = new ServiceCollection();
        RegisterTexts(services);

        using var provider = services.BuildServiceProvider();
        Assert.StartsWith("Sie haben", provider.GetRequiredService<TrendAccountMessages>().WrongInformation, StringComparison.Ordinal);
    }

    public sealed class GermanAccountMessages : TrendAccountMessages
    {
        public override string WrongInformation =>
            "Sie haben nicht die richtigen Angaben gemacht. Bitte versuchen Sie es erneut.";
    }

    public sealed class BrandedMailer(SmtpAccountMailer inner) : IAccountMailer
    {
        public Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(message);
            var html = $"<div style=\"font-family:sans-serif\">{message.HtmlBody}<hr><p>Example Corp.</p></div>";
            return inner.SendAsync(
                new AccountMessage(message.Kind, message.To, message.Subject, message.TextBody, html, message.Link),
                cancellationToken);
        }
    }
}
