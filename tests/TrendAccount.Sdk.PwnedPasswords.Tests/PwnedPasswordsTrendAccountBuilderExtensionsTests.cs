using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.PwnedPasswords.Tests;

public sealed class PwnedPasswordsTrendAccountBuilderExtensionsTests
{
    private sealed class OtherScreen : IBreachedPasswordScreen
    {
        public ValueTask<BreachScreeningResult> ScreenAsync(string password, CancellationToken cancellationToken) => new(BreachScreeningResult.Breached);
    }

    [Fact]
    public async Task UsePwnedPasswords_AfterAnotherScreen_ReplacesIt()
    {
        var services = new ServiceCollection();
        services.AddTrendAccount().UseBreachedPasswordScreen(new OtherScreen()).UsePwnedPasswords();
        await using var provider = services.BuildServiceProvider();

        var screens = provider.GetServices<IBreachedPasswordScreen>().ToList();

        Assert.IsType<PwnedPasswordsBreachScreen>(Assert.Single(screens));
    }

    [Fact]
    public async Task UseBreachedPasswordScreen_AfterPwnedPasswords_WinsAsTheLastCall()
    {
        var services = new ServiceCollection();
        services.AddTrendAccount().UsePwnedPasswords().UseBreachedPasswordScreen<OtherScreen>();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<OtherScreen>(Assert.Single(provider.GetServices<IBreachedPasswordScreen>()));
    }

    [Fact]
    public async Task UsePwnedPasswords_CalledTwice_AddsOneScreenAndOneResilienceHandlerAndAccumulatesSettings()
    {
        var services = new ServiceCollection();
        services.AddTrendAccount()
            .UsePwnedPasswords(options => options.MinimumCount = 3)
            .UsePwnedPasswords(options => options.Timeout = TimeSpan.FromSeconds(1));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PwnedPasswordsOptions>>().Value;
        Assert.Equal(3, options.MinimumCount);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Timeout);
        Assert.Single(services, d => d.ServiceType == typeof(PwnedPasswordsBreachScreen));
        Assert.Same(provider.GetRequiredService<PwnedPasswordsBreachScreen>(), provider.GetRequiredService<IBreachedPasswordScreen>());
    }

    [Fact]
    public async Task UsePwnedPasswords_FromConfiguration_BindsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TrendAccount:PwnedPasswords:BaseUrl"] = "https://mirror.example.com/pwned/",
            ["TrendAccount:PwnedPasswords:Timeout"] = "00:00:03",
            ["TrendAccount:PwnedPasswords:MinimumCount"] = "10",
            ["TrendAccount:PwnedPasswords:AddPadding"] = "false",
            ["TrendAccount:PwnedPasswords:FailureMode"] = "FailClosed",
            ["TrendAccount:PwnedPasswords:MaxRetries"] = "2",
            ["TrendAccount:PwnedPasswords:CacheSize"] = "64",
            ["TrendAccount:PwnedPasswords:CacheLifetime"] = "00:30:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddTrendAccount().UsePwnedPasswords(configuration.GetSection(PwnedPasswordsOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PwnedPasswordsOptions>>().Value;

        Assert.Equal(new Uri("https://mirror.example.com/pwned/"), options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.Equal(10, options.MinimumCount);
        Assert.False(options.AddPadding);
        Assert.Equal(PwnedPasswordsFailureMode.FailClosed, options.FailureMode);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(64, options.CacheSize);
        Assert.Equal(TimeSpan.FromMinutes(30), options.CacheLifetime);
    }
}
