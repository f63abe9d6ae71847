using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure.ServerAwareTestFramework", "TrendAccount.Sdk.EntityFrameworkCore.Tests")]

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// xUnit's framework, except that every test of a class marked <see cref="PostgresTestsAttribute"/> — its own facts
/// and those it inherits, such as the conformance kit's — is skipped with a message when no PostgreSQL server is
/// configured. When <c>TRENDACCOUNT_REQUIRE_SERVERS=1</c> nothing is skipped, and a missing server fails the tests.
/// </summary>
public sealed class ServerAwareTestFramework : XunitTestFramework
{
    public ServerAwareTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer : XunitTestFrameworkDiscoverer
    {
        public Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
            : base(assemblyInfo, sourceProvider, diagnosticMessageSink)
        {
        }

        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (ServerTestCase.SkipReasonFor(testMethod) is not null && testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                var testCase = new ServerTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
                return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
            }

            return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
        }
    }
}

/// <summary>A test that needs a server which is not configured: reported as skipped, with the reason.</summary>
public sealed class ServerTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ServerTestCase()
    {
    }

    public ServerTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    /// <summary>Gets why a test method is skipped, or <see langword="null"/> when it runs.</summary>
    public static string? SkipReasonFor(ITestMethod testMethod)
    {
        var testClass = testMethod.TestClass.Class.ToRuntimeType();
        return testClass?.GetCustomAttribute<PostgresTestsAttribute>(inherit: true) is not null ? TestServers.PostgresSkipReason : null;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        SkipReasonFor(TestMethod) ?? base.GetSkipReason(factAttribute);
}
