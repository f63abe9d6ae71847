namespace TrendAccount.Sdk.Benchmarks.Paired;

/// <summary>
/// A ratio from paired repetitions: each repetition measured both sides back to back, so their ratio cancels what
/// the machine did in between. Summaries: the geometric mean with a t-based 95 % interval (on log ratios), and the
/// median with a bootstrap 95 % interval (fixed seed, 2,000 resamples).
/// </summary>
internal sealed class RatioStatistics(IReadOnlyList<double> ratios)
{
    public int Count => ratios.Count;

    public double GeometricMean => Math.Exp(ratios.Average(x => Math.Log(x)));

    /// <summary>Half-width of the 95 % interval of the geometric mean, relative to it (0.01 = ±1 %).</summary>
    public double RelativeHalfWidth
    {
        get
        {
            if (ratios.Count < 3)
            {
                return double.PositiveInfinity;
            }

            var logs = ratios.Select(x => Math.Log(x)).ToArray();
            var mean = logs.Average();
            var sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Length - 1));
            return Math.Exp(TQuantile975(logs.Length - 1) * sd / Math.Sqrt(logs.Length)) - 1;
        }
    }

    public (double Low, double High) GeometricMeanInterval
    {
        get
        {
            var logs = ratios.Select(x => Math.Log(x)).ToArray();
            var mean = logs.Average();
            var sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Length - 1));
            var half = TQuantile975(logs.Length - 1) * sd / Math.Sqrt(logs.Length);
            return (Math.Exp(mean - half), Math.Exp(mean + half));
        }
    }

    public double Median => MedianOf(ratios);

    public (double Low, double High) MedianInterval
    {
        get
        {
            var random = new Random(12345);
            var medians = new double[2000];
            var sample = new double[ratios.Count];
            for (var b = 0; b < medians.Length; b++)
            {
                for (var i = 0; i < sample.Length; i++)
                {
                    sample[i] = ratios[random.Next(ratios.Count)];
                }

                medians[b] = MedianOf(sample);
            }

            Array.Sort(medians);
            return (medians[(int)(0.025 * medians.Length)], medians[(int)(0.975 * medians.Length) - 1]);
        }
    }

    public string Describe() =>
        FormattableString.Invariant(
            $"{GeometricMean:F3} [{GeometricMeanInterval.Low:F3}, {GeometricMeanInterval.High:F3}] (±{RelativeHalfWidth * 100:F1} %), median {Median:F3} [{MedianInterval.Low:F3}, {MedianInterval.High:F3}], n={Count}");

    private static double MedianOf(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(x => x).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    // Student's t, two-sided 95 %: the table to 10 degrees of freedom, then the value at the band's lowest df (conservative), then 1.96 + 2.4/df.
    private static double TQuantile975(int df) => df switch
    {
        <= 0 => double.PositiveInfinity,
        1 => 12.706,
        2 => 4.303,
        3 => 3.182,
        4 => 2.776,
        5 => 2.571,
        6 => 2.447,
        7 => 2.365,
        8 => 2.306,
        9 => 2.262,
        10 => 2.228,
        <= 15 => 2.201,
        <= 20 => 2.131,
        <= 30 => 2.086,
        _ => 1.96 + (2.4 / df),
    };
}
