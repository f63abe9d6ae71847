using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace TrendAccount.Sdk.Redis.Internal;

/// <summary>Stops the host at start-up when the Redis counter's options cannot work, naming the setting.</summary>
internal sealed class RedisAttemptCounterOptionsValidator : IValidateOptions<RedisAttemptCounterOptions>
{
    private static readonly TimeSpan MinimumRetryInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaximumRetryInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaximumTimeout = TimeSpan.FromSeconds(30);

    public ValidateOptionsResult Validate(string? name, RedisAttemptCounterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ConnectionMultiplexerFactory is null)
        {
            if (string.IsNullOrWhiteSpace(options.Configuration))
            {
                failures.Add($"{nameof(RedisAttemptCounterOptions)}.{nameof(RedisAttemptCounterOptions.Configuration)} is required (a StackExchange.Redis configuration string such as \"127.0.0.1:6379\"), or give a connection.");
            }
            else
            {
                try
                {
                    var parsed = ConfigurationOptions.Parse(options.Configuration);
                    if (parsed.EndPoints.Count == 0)
                    {
                        failures.Add($"{nameof(RedisAttemptCounterOptions)}.{nameof(RedisAttemptCounterOptions.Configuration)} names no endpoint (host:port).");
                    }
                }
                catch (ArgumentException exception)
                {
                    // The message names the bad option, never its value (the string may hold a password).
                    failures.Add($"{nameof(RedisAttemptCounterOptions)}.{nameof(RedisAttemptCounterOptions.Configuration)} is not a valid StackExchange.Redis configuration string: {exception.Message.Split('\n')[0]}");
                }
            }
        }

        if (options.KeyPrefix is null || options.KeyPrefix.Length > RedisAttemptCounterOptions.MaximumKeyPrefixLength)
        {
            failures.Add($"{nameof(RedisAttemptCounterOptions)}.{nameof(RedisAttemptCounterOptions.KeyPrefix)} must be set (it may be empty) and at most {RedisAttemptCounterOptions.MaximumKeyPrefixLength} characters.");
        }

        if (options.RetryInterval < MinimumRetryInterval || options.RetryInterval > MaximumRetryInterval)
        {
            failures.Add($"{nameof(RedisAttemptCounterOptions)}.{nameof(RedisAttemptCounterOptions.RetryInterval)} must be between {MinimumRetryInterval} and {MaximumRetryInterval}; it is {options.RetryInterval}.");
        }

        if (options.Timeout < MinimumTimeout || options.Timeout > MaximumTimeout)
        {
            failures.Add($"{nameof(RedisAttemptCounterOptions)}.{nameof(RedisAttemptCounterOptions.Timeout)} must be between {MinimumTimeout} and {MaximumTimeout}; it is {options.Timeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
