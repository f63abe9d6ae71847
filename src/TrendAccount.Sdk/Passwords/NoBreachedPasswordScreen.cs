namespace TrendAccount.Sdk;

/// <summary>
/// The default <see cref="IBreachedPasswordScreen"/>: lets every password pass, without any I/O. The built-in common
/// password list of <see cref="PasswordPolicy"/> still applies. Thread-safe.
/// </summary>
internal sealed class NoBreachedPasswordScreen : IBreachedPasswordScreen
{
    private static readonly ValueTask<BreachScreeningResult> Answer = new(BreachScreeningResult.NotBreached);

    private NoBreachedPasswordScreen()
    {
    }

    /// <summary>Gets the one instance.</summary>
    public static NoBreachedPasswordScreen Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<BreachScreeningResult> ScreenAsync(string password, CancellationToken cancellationToken) => Answer;
}
