namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Marks a test class whose <see cref="ProviderFactAttribute"/> tests run against PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PostgresTestsAttribute : Attribute;
