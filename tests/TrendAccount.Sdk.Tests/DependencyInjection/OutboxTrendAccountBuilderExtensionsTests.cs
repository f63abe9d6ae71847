using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.Tests.DependencyInjection;

public sealed class OutboxTrendAccountBuilderExtensionsTests
{
    [Fact]
    public async Task AddOutboxDelivery_BadSetting_FailsValidationNamingIt()
    {
        await using var host = FlowHost.Create(build: builder => builder.AddOutboxDelivery(o => o.BatchSize = 0));

        var error = Assert.Throws<OptionsValidationException>(() => host.Provider.GetRequiredService<IOptions<OutboxDeliveryOptions>>().Value);

        Assert.Contains("OutboxDeliveryOptions.BatchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOutboxDelivery_StoreWithoutOutbox_FailsSayingWhichStoreHasOne()
    {
        await using var host = FlowHost.Create(build: builder => builder.AddOutboxDelivery());

        var error = Assert.Throws<InvalidOperationException>(() => host.Provider.GetRequiredService<IAccountService>());

        Assert.Contains("UseEntityFrameworkStores", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTrendAccount_WithoutOutboxDelivery_RegistersNoHostedService()
    {
        await using var host = FlowHost.Create();

        Assert.Empty(host.Provider.GetServices<IHostedService>());
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(40, 3600)]
    public void RetryDelay_Attempt_DoublesFromTheFirstDelayUpToTheCap(int attempt, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), new OutboxDeliveryOptions().RetryDelay(attempt));
    }
}
