namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// Store sizes for the benchmarks that fill a store before they measure. The CI dry run
/// (<c>--job dry</c>, one invocation to prove every benchmark runs) gets only the smallest size: building 10⁶ records
/// takes tens of seconds on a shared machine and proves nothing more there.
/// </summary>
internal static class StoreSizes
{
    public static IEnumerable<int> Of(params int[] sizes) =>
        IsDryRun(Environment.GetCommandLineArgs()) ? [sizes.Min()] : sizes;

    private static bool IsDryRun(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] is "--job" or "-j" && string.Equals(args[i + 1], "dry", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
