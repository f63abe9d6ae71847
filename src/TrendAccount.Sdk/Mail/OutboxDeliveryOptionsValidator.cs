using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>Checks <see cref="OutboxDeliveryOptions"/> at start-up, naming each bad setting.</summary>
internal sealed class OutboxDeliveryOptionsValidator : IValidateOptions<OutboxDeliveryOptions>
{
    private const string Prefix = "OutboxDeliveryOptions.";

    public ValidateOptionsResult Validate(string? name, OutboxDeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Require(failures, options.PollInterval >= TimeSpan.FromMilliseconds(100), nameof(options.PollInterval), "at least 100 ms");
        Require(failures, options.LeaseDuration > TimeSpan.Zero, nameof(options.LeaseDuration), "positive");
        Require(failures, options.FirstRetryDelay > TimeSpan.Zero, nameof(options.FirstRetryDelay), "positive");
        Require(failures, options.MaximumRetryDelay >= options.FirstRetryDelay, nameof(options.MaximumRetryDelay), "at least FirstRetryDelay");
        Require(failures, options.MaximumAttempts is >= 1 and <= 100, nameof(options.MaximumAttempts), "1 to 100");
        Require(failures, options.BatchSize is >= 1 and <= 1000, nameof(options.BatchSize), "1 to 1,000");
        Require(failures, options.RetentionPeriod >= TimeSpan.Zero, nameof(options.RetentionPeriod), "zero or more");
        Require(failures, options.PurgeInterval > TimeSpan.Zero, nameof(options.PurgeInterval), "positive");
        Require(failures, options.PurgeBatchSize is >= 1 and <= 10_000, nameof(options.PurgeBatchSize), "1 to 10,000");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool ok, string setting, string rule)
    {
        if (!ok)
        {
            failures.Add($"{Prefix}{setting} must be {rule}.");
        }
    }
}
