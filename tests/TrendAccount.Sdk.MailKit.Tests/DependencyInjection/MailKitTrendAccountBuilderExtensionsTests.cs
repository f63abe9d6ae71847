using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.MailKit.Tests.Infrastructure;

namespace TrendAccount.Sdk.MailKit.Tests.DependencyInjection;

public sealed class MailKitTrendAccountBuilderExtensionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void UseSmtpMailer_Action_RegistersSmtpMailerAsTheOnlyMailer()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAccountMailer, DiscardingMailer>();

        new TrendAccountBuilder(services).UseSmtpMailer(ValidSmtp);

        using var provider = services.BuildServiceProvider(validateScopes: true);
        var mailer = Assert.Single(provider.GetServices<IAccountMailer>());
        Assert.IsType<SmtpAccountMailer>(mailer);
        Assert.Same(provider.GetRequiredService<SmtpAccountMailer>(), mailer);
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void UseSmtpMailer_ConfigurationSection_BindsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TrendAccount:Smtp:Host"] = "smtp.example.com",
            ["TrendAccount:Smtp:Port"] = "465",
            ["TrendAccount:Smtp:TlsMode"] = "SslOnConnect",
            ["TrendAccount:Smtp:UserName"] = "mailer",
            ["TrendAccount:Smtp:Password"] = "secret",
            ["TrendAccount:Smtp:FromAddress"] = "account@example.com",
            ["TrendAccount:Smtp:FromName"] = "Trend Micro Account",
            ["TrendAccount:Smtp:Timeout"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection();

        new TrendAccountBuilder(services).UseSmtpMailer(configuration.GetSection(SmtpMailerOptions.SectionName));

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SmtpMailerOptions>>().Value;
        Assert.Equal("smtp.example.com", options.Host);
        Assert.Equal(465, options.Port);
        Assert.Equal(SmtpTlsMode.SslOnConnect, options.TlsMode);
        Assert.Equal("mailer", options.UserName);
        Assert.Equal("secret", options.Password);
        Assert.Equal("account@example.com", options.FromAddress);
        Assert.Equal("Trend Micro Account", options.FromName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.IsType<SmtpAccountMailer>(provider.GetRequiredService<IAccountMailer>());
    }

    [Fact]
    public void UseSmtpMailer_MissingSettings_StartupValidationNamesThem()
    {
        var services = new ServiceCollection();
        new TrendAccountBuilder(services).UseSmtpMailer(new ConfigurationBuilder().Build().GetSection(SmtpMailerOptions.SectionName));

        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("TrendAccount:Smtp:Host is required.", exception.Failures);
        Assert.Contains("TrendAccount:Smtp:FromAddress is required.", exception.Failures);
    }

    [Fact]
    public void UseSmtpMailer_CalledTwice_LastSettingWinsWithOneValidator()
    {
        var services = new ServiceCollection();
        new TrendAccountBuilder(services).UseSmtpMailer(ValidSmtp).UseSmtpMailer(o => o.Port = 2525);

        using var provider = services.BuildServiceProvider();
        Assert.Equal(2525, provider.GetRequiredService<IOptions<SmtpMailerOptions>>().Value.Port);
        Assert.Single(provider.GetServices<IValidateOptions<SmtpMailerOptions>>());
        Assert.Single(provider.GetServices<IAccountMailer>());
    }

    [Fact]
    public void UsePickupDirectoryMailer_AfterInvalidSmtp_ReplacesItAndStartsCleanly()
    {
        var services = new ServiceCollection();
        new TrendAccountBuilder(services)
            .UseSmtpMailer(static _ => { })
            .UsePickupDirectoryMailer(_temp.Path);

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var mailer = Assert.IsType<PickupDirectoryAccountMailer>(Assert.Single(provider.GetServices<IAccountMailer>()));
        Assert.Equal(_temp.Path, mailer.Directory);
    }

    [Fact]
    public void UseSmtpMailer_AfterInvalidPickupDirectory_ReplacesItAndStartsCleanly()
    {
        var services = new ServiceCollection();
        new TrendAccountBuilder(services)
            .UsePickupDirectoryMailer(" ")
            .UseSmtpMailer(ValidSmtp);

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<SmtpAccountMailer>(Assert.Single(provider.GetServices<IAccountMailer>()));
    }

    [Fact]
    public void UsePickupDirectoryMailer_Empty_StartupValidationNamesDirectory()
    {
        var services = new ServiceCollection();
        new TrendAccountBuilder(services).UsePickupDirectoryMailer(string.Empty);

        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("TrendAccount:PickupDirectory:Directory is required.", Assert.Single(exception.Failures));
    }

    [Fact]
    public async Task UsePickupDirectoryMailer_CalledTwice_LastFolderWinsAndUsesRegisteredClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        new TrendAccountBuilder(services)
            .UsePickupDirectoryMailer(_temp.Combine("first"))
            .UsePickupDirectoryMailer(_temp.Combine("second"));

        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IAccountMailer>().SendAsync(Messages.PasswordReset(), CancellationToken.None);

        Assert.False(Directory.Exists(_temp.Combine("first")));
        var message = Assert.Single(PickupDirectoryAccountMailer.ReadMessages(_temp.Combine("second")));
        Assert.Equal(time.GetUtcNow(), message.Date);
        Assert.Single(provider.GetServices<IValidateOptions<PickupDirectoryMailerOptions>>());
    }

    [Fact]
    public async Task UseSmtpMailer_ResolvedMailer_DeliversToServer()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        new TrendAccountBuilder(services).UseSmtpMailer(o =>
        {
            ValidSmtp(o);
            o.Host = "127.0.0.1";
            o.Port = server.Port;
            o.TlsMode = SmtpTlsMode.None;
        });

        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<IAccountMailer>().SendAsync(Messages.PasswordReset(), CancellationToken.None);

        Assert.Equal([Messages.Recipient], Assert.Single(server.Received).EnvelopeTo);
    }

    [Fact]
    public void UseMethods_NullArguments_Throw()
    {
        var builder = new TrendAccountBuilder(new ServiceCollection());

        Assert.Throws<ArgumentNullException>(() => builder.UseSmtpMailer((Action<SmtpMailerOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.UseSmtpMailer((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => builder.UsePickupDirectoryMailer(null!));
        Assert.Throws<ArgumentNullException>(() => ((TrendAccountBuilder)null!).UsePickupDirectoryMailer("x"));
    }

    private static void ValidSmtp(SmtpMailerOptions options)
    {
        options.Host = "smtp.example.com";
        options.FromAddress = "account@example.com";
    }

    private sealed class DiscardingMailer : IAccountMailer
    {
        public Task SendAsync(AccountMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
