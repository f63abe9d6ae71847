namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>How <see cref="SignedCaptcha"/> signs and remembers challenges (<c>Sample:Captcha</c>).</summary>
public sealed class SignedCaptchaOptions
{
    /// <summary>The default of <see cref="Lifetime"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The default of <see cref="MaximumRemembered"/>: 100,000 answered challenges (a few MiB).</summary>
    public const int DefaultMaximumRemembered = 100_000;

    /// <summary>Gets or sets the secret the tokens are signed with and the answers derived from (at least 32 bytes).</summary>
    public byte[] Key { get; set; } = [];

    /// <summary>Gets or sets how long a challenge can be answered after the page was drawn.</summary>
    public TimeSpan Lifetime { get; set; } = DefaultLifetime;

    /// <summary>
    /// Gets or sets how many answered, unexpired challenges are remembered. When that many were answered within one
    /// <see cref="Lifetime"/>, new answers are refused (<see cref="CaptchaCheck.Busy"/>) until the oldest expire:
    /// forgetting one early would let its answer be replayed.
    /// </summary>
    public int MaximumRemembered { get; set; } = DefaultMaximumRemembered;

    /// <summary>Gets or sets whether the text question is offered as the non-visual alternative (machine-readable by nature).</summary>
    public bool TextQuestion { get; set; }
}
