namespace TrendAccount.Sdk;

/// <summary>The <c>outcome</c> values of <see cref="TrendAccountDiagnostics.RetentionPassesCounter"/>.</summary>
internal static class RetentionOutcomes
{
    public const string Succeeded = "succeeded";

    public const string Failed = "failed";
}
