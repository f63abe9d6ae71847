namespace TrendAccount.Sdk;

/// <summary>What a token may be used for. A token of one purpose is never accepted for another. Values are stable.</summary>
public enum TokenPurpose
{
    /// <summary>The "change your password now" link.</summary>
    PasswordReset = 1,

    /// <summary>A signed-in session.</summary>
    Session = 2,
}
