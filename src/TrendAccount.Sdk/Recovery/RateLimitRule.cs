namespace TrendAccount.Sdk;

/// <summary>A fixed-window rate limit: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    /// <summary>Initializes a new instance of the <see cref="RateLimitRule"/> class.</summary>
    public RateLimitRule()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RateLimitRule"/> class.</summary>
    /// <param name="permitLimit">The number of requests allowed per window.</param>
    /// <param name="window">The window.</param>
    public RateLimitRule(int permitLimit, TimeSpan window)
    {
        PermitLimit = permitLimit;
        Window = window;
    }

    /// <summary>Gets or sets the number of requests allowed per window.</summary>
    public int PermitLimit { get; set; } = 5;

    /// <summary>Gets or sets the window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    internal void Validate(string name, ICollection<string> failures)
    {
        // A bare name is a member of RateLimits; a name with a group ("SignIn:PerClient") is given in full.
        name = name.Contains(':', StringComparison.Ordinal) ? name : "RateLimits:" + name;
        if (PermitLimit < 1)
        {
            failures.Add($"TrendAccount:{name}:PermitLimit ({PermitLimit}) must be at least 1.");
        }

        if (Window <= TimeSpan.Zero)
        {
            failures.Add($"TrendAccount:{name}:Window ({Window}) must be positive.");
        }
    }
}
