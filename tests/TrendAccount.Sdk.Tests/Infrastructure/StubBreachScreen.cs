using System.Collections.Concurrent;

namespace TrendAccount.Sdk.Tests.Infrastructure;

/// <summary>
/// A breach screen over a fixed corpus: reports the passwords it was given as breached (or every password as
/// <see cref="BreachScreeningResult.Unavailable"/> while <see cref="Unavailable"/> is set) and records each call.
/// </summary>
public sealed class StubBreachScreen(params string[] breached) : IBreachedPasswordScreen
{
    private readonly HashSet<string> _breached = new(breached, StringComparer.Ordinal);

    public ConcurrentQueue<string> Screened { get; } = new();

    public bool Unavailable { get; set; }

    public ValueTask<BreachScreeningResult> ScreenAsync(string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        Screened.Enqueue(password);
        return new(Unavailable ? BreachScreeningResult.Unavailable
            : _breached.Contains(password) ? BreachScreeningResult.Breached
            : BreachScreeningResult.NotBreached);
    }
}
