using System.Globalization;

namespace TrendAccount.Sdk.Soak.Tests.Infrastructure;

/// <summary>How long the soak drives its workloads: <c>TRENDACCOUNT_SOAK_SECONDS</c> (default 45, at least 20).</summary>
public static class SoakSettings
{
    public const string DurationVariable = "TRENDACCOUNT_SOAK_SECONDS";
    public const int DefaultSeconds = 45;
    public const int MinimumSeconds = 20;

    /// <summary>Gets the wall-clock length of the workload phase (the drain and the checks come on top).</summary>
    public static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable(DurationVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? Math.Max(seconds, MinimumSeconds)
            : DefaultSeconds);
}
