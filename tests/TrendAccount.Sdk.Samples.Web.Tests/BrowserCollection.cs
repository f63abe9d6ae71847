namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>The journeys share one browser and run one after another (the CI machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
