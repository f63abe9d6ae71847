namespace TrendAccount.Sdk.Tests.Registration;

public sealed class ProductActivationTests
{
    [Fact]
    public async Task ActivateProductAsync_DirectSerialTypedLoosely_RecordsCanonicalSerialAndTime()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.ActivateProductAsync(new ProductActivationRequest(" pqrs 1234 5678 9012 3456 ", "TIS-2017"));

        Assert.True(result.Succeeded);
        Assert.Equal(ProductActivationStatus.Succeeded, result.Status);
        Assert.Equal("PQRS-1234-5678-9012-3456", result.Serial);
        Assert.Equal(PurchaseChannel.Direct, result.Channel);
        var record = await host.Store.FindSerialAsync("PQRS-1234-5678-9012-3456", CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal("TIS-2017", record.ProductCode);
        Assert.Equal(FlowHost.Start, record.ActivatedAt);
        Assert.Null(record.AccountId);
    }

    [Fact]
    public async Task ActivateProductAsync_ResellerSerial_IsActivatedWithoutAccountAndNamesTheReseller()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.ActivateProductAsync(new ProductActivationRequest("TABC-1234-5678-9012-3456"));

        Assert.True(result.Succeeded);
        Assert.Equal(ProductActivationStatus.SucceededWithoutAccount, result.Status);
        Assert.Equal(PurchaseChannel.Reseller, result.Channel);
        Assert.Equal(SerialOptions.DefaultResellerContact, result.ResellerContact);
        Assert.Contains("Best Buy", result.Message, StringComparison.Ordinal);
        Assert.True((await host.Store.FindSerialAsync("TABC-1234-5678-9012-3456", CancellationToken.None))!.IsActivated);
    }

    [Fact]
    public async Task ActivateProductAsync_MalformedSerial_RecordsNothing()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.ActivateProductAsync(new ProductActivationRequest("PQRS-1234"));

        Assert.False(result.Succeeded);
        Assert.Equal(ProductActivationStatus.MalformedSerial, result.Status);
        Assert.Equal(TrendAccountMessages.Default.MalformedSerial, result.Message);
    }

    [Fact]
    public async Task ActivateProductAsync_OversizedProductCode_RecordsNothing()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.ActivateProductAsync(new ProductActivationRequest("PQRS-1234-5678-9012-3456", new string('x', 65)));

        Assert.Equal(ProductActivationStatus.InvalidProductCode, result.Status);
        Assert.Null(await host.Store.FindSerialAsync("PQRS-1234-5678-9012-3456", CancellationToken.None));
    }

    [Fact]
    public async Task ActivateProductAsync_Again_KeepsTheLinkToTheAccount()
    {
        await using var host = FlowHost.Create();
        var registration = await host.RegisterAsync("PQRS-1234-5678-9012-3456", "john@example.com", "correct horse battery");

        host.Time.Advance(TimeSpan.FromDays(1));
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest("PQRS-1234-5678-9012-3456", "TIS-2018"));

        var record = await host.Store.FindSerialAsync("PQRS-1234-5678-9012-3456", CancellationToken.None);
        Assert.Equal(registration.AccountId, record!.AccountId);
        Assert.Equal("TIS-2018", record.ProductCode);
    }
}
