using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Discovers <see cref="ProviderFactAttribute"/> tests as <see cref="ProviderTestCase"/>s.</summary>
public sealed class ProviderFactDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnostics;

    public ProviderFactDiscoverer(IMessageSink diagnosticMessageSink)
    {
        _diagnostics = diagnosticMessageSink;
    }

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new ProviderTestCase(_diagnostics, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}
