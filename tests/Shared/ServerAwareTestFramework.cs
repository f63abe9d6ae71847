using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrendAccount.Sdk.ServerTests;

/// <summary>
/// xUnit's framework, except that every test of a class marked with a <see cref="RequiresServerAttribute"/> whose
/// server is missing — its own facts and theories and those it inherits, such as the conformance kit's — is
/// reported as skipped with the reason, decided at discovery. A project opts in with
/// <c>[assembly: TestFramework("TrendAccount.Sdk.ServerTests.ServerAwareTestFramework", "ITS ASSEMBLY")]</c>.
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

/// <summary>
/// A test whose server is missing: skipped, with the reason as its skip reason and at the end
/// of its display name. <c>dotnet test</c> prints skipped tests by name at its default verbosity but their skip
/// reasons only at <c>--logger "console;verbosity=normal"</c>, so the name carries the reason too.
/// </summary>
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
    public static string? SkipReasonFor(ITestMethod testMethod) =>
        testMethod.TestClass.Class.ToRuntimeType()?.GetCustomAttributes<RequiresServerAttribute>(inherit: true)
            .Select(requirement => requirement.SkipReason)
            .FirstOrDefault(reason => reason is not null);

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        SkipReasonFor(TestMethod) ?? base.GetSkipReason(factAttribute);

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        SkipReasonFor(TestMethod) is { } reason
            ? $"{base.GetDisplayName(factAttribute, displayName)} [skipped: {reason}]"
            : base.GetDisplayName(factAttribute, displayName);
}
