using Xunit.Sdk;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A fact in a provider-neutral base class: it runs in every subclass, and in a subclass marked
/// <see cref="PostgresTestsAttribute"/> it is skipped like a <see cref="PostgresFactAttribute"/> when no server is set.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure.ProviderFactDiscoverer", "TrendAccount.Sdk.EntityFrameworkCore.Tests")]
public sealed class ProviderFactAttribute : FactAttribute;
