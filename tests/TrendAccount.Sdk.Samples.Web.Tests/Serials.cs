namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>Serial numbers the journeys use (20 characters, five groups of four).</summary>
public static class Serials
{
    /// <summary>Activated at start-up by the site, like <c>dotnet run</c> does.</summary>
    public const string Seeded = "PQRS-1234-5678-9012-3456";

    /// <summary>Never activated: "install and activate first".</summary>
    public const string NeverActivated = "WXYZ-9876-5432-1098-7654";

    /// <summary>Starts with T: sold by Best Buy or an ISP.</summary>
    public const string Reseller = "TABC-1234-5678-9012-3456";
}
