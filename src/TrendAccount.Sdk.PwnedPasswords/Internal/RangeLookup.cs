namespace TrendAccount.Sdk.PwnedPasswords.Internal;

/// <summary>What asking for one prefix gave: the suffixes, or the reason there are none (a metric tag).</summary>
/// <param name="Suffixes">The answer, when there is one.</param>
/// <param name="FailureReason">Why there is no answer: <c>timeout</c>, <c>http_error</c>, <c>malformed</c>, ….</param>
/// <param name="Detail">What the log says about the failure (an HTTP status, an error kind); never the prefix.</param>
internal readonly record struct RangeLookup(RangeSuffixes? Suffixes, string? FailureReason, string? Detail = null)
{
    public static RangeLookup Found(RangeSuffixes suffixes) => new(suffixes, null);

    public static RangeLookup Failed(string reason, string? detail = null) => new(null, reason, detail);
}
