using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.Redis.Tests.DependencyInjection;

/// <summary>Bad options stop the host at start-up, naming the setting and never echoing the configuration string.</summary>
public sealed class RedisOptionsTests
{
    [Theory]
    [InlineData(null, "Configuration is required")]
    [InlineData("   ", "Configuration is required")]
    [InlineData("127.0.0.1:6379,password=s3cret,nosuchoption=1", "not a valid StackExchange.Redis configuration string")]
    public void Options_BadConfiguration_FailNamingTheSetting(string? configuration, string expected)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Resolve(o => o.Configuration = configuration));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RetryIntervalAndTimeoutOutOfRange_FailNamingEach()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Resolve(o =>
        {
            o.Configuration = "127.0.0.1:6379";
            o.RetryInterval = TimeSpan.FromMilliseconds(10);
            o.Timeout = TimeSpan.FromMinutes(5);
            o.KeyPrefix = new string('p', RedisAttemptCounterOptions.MaximumKeyPrefixLength + 1);
        }));

        Assert.Contains("RetryInterval", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout", exception.Message, StringComparison.Ordinal);
        Assert.Contains("KeyPrefix", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_AreTheDocumentedConstants()
    {
        var options = Resolve(o => o.Configuration = "127.0.0.1:6379");

        Assert.Equal("trendaccount:limits:", options.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(15), options.RetryInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Timeout);
    }

    [Fact]
    public void UseRedisAttemptCounter_WithConnection_UsesItWithoutAConfigurationString()
    {
        var services = new ServiceCollection();
        services.AddTrendAccount().UseInMemoryStores().UseRedisAttemptCounter(o => o.ConnectionMultiplexerFactory = () => throw new InvalidOperationException("not called at start"));
        using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetRequiredService<IOptions<RedisAttemptCounterOptions>>().Value.Configuration);
    }

    private static RedisAttemptCounterOptions Resolve(Action<RedisAttemptCounterOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddTrendAccount().UseInMemoryStores().UseRedisAttemptCounter(configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RedisAttemptCounterOptions>>().Value;
    }
}
