using Xunit;

namespace TrendAccount.Sdk.Testing;

/// <summary>
/// The conformance specification of <see cref="IAttemptCounter"/>: every contract its XML docs state, as xUnit
/// tests. Subclass it in a test project, say how to create the counter and how to make time pass for one of its
/// keys; the inherited <c>[Fact]</c> and <c>[Theory]</c> methods then run against it.
/// </summary>
/// <remarks>
/// <para>
/// xUnit creates one instance of the test class per test, and every test calls <see cref="CreateCounterAsync"/>
/// once. Return a fresh counter each time, or one counter shared by the whole class (an <c>IClassFixture</c>,
/// the usual choice for a counter on a server) — every test counts under its own random keys, so the tests hold on
/// a counter that already holds other keys and while other tests use it in parallel. The specification never
/// disposes the counter; release what <see cref="CreateCounterAsync"/> opened in <c>IAsyncLifetime</c> or
/// <see cref="IDisposable"/> on the subclass or the fixture.
/// </para>
/// <para>
/// The kit never sleeps and never reads a clock. A counter's windows run on the counter's clock: an injected
/// <see cref="TimeProvider"/> (advance a <c>FakeTimeProvider</c> in <see cref="ElapseAsync"/>) or a server's own
/// clock (shorten the key's time to live there). On a server's clock, real time also passes while a test runs:
/// say how much with <see cref="TimeTolerance"/>.
/// </para>
/// </remarks>
public abstract partial class AttemptCounterSpecification
{
    /// <summary>The window most tests open.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>The limit most tests count to.</summary>
    private const int Limit = 3;

    /// <summary>Creates the counter under test for one test.</summary>
    /// <returns>The counter: a fresh one, or one shared by the test class.</returns>
    protected abstract Task<IAttemptCounter> CreateCounterAsync();

    /// <summary>
    /// Makes <paramref name="elapsed"/> pass on the counter's clock for <paramref name="key"/>: afterwards the key's
    /// open window (if any) has <paramref name="elapsed"/> less to run, and is closed when that leaves nothing.
    /// </summary>
    /// <param name="counter">The counter <see cref="CreateCounterAsync"/> returned for this test.</param>
    /// <param name="key">The key, exactly as the test passes it to the counter (before any prefix the counter adds).</param>
    /// <param name="elapsed">The time to pass; positive.</param>
    /// <returns>A task that completes when the time has passed.</returns>
    /// <remarks>
    /// A counter on an injected <see cref="TimeProvider"/> advances its <c>FakeTimeProvider</c> (that moves every key,
    /// which is fine: every test uses its own keys). A counter on a server's clock shortens the key's time to live
    /// by <paramref name="elapsed"/> and removes the key when nothing is left (Redis: <c>PTTL</c>, then <c>PEXPIRE</c>
    /// or <c>DEL</c>, in one script).
    /// </remarks>
    protected abstract Task ElapseAsync(IAttemptCounter counter, string key, TimeSpan elapsed);

    /// <summary>Gets how far a reported <see cref="AttemptCount.RetryAfter"/> may fall short of the exact time left.</summary>
    /// <value>
    /// One tick (100 ns) by default, for a counter on an injected clock that the tests control. A counter on a server's
    /// clock returns the real time a test may take between two of its calls plus the server's resolution (the
    /// Redis tests use five seconds). At most one minute.
    /// </value>
    /// <remarks>
    /// Times left are checked to lie between the exact value less this tolerance and the exact value; the expiry
    /// boundary tests check a window one tolerance before its end (still open) and at its end (closed).
    /// </remarks>
    protected virtual TimeSpan TimeTolerance => TimeSpan.FromTicks(1);

    private async Task<IAttemptCounter> NewCounterAsync()
    {
        var counter = await CreateCounterAsync();
        Assert.NotNull(counter);
        return counter;
    }

    private TimeSpan Tolerance()
    {
        var tolerance = TimeTolerance;
        Assert.True(tolerance > TimeSpan.Zero && tolerance <= TimeSpan.FromMinutes(1), $"{nameof(TimeTolerance)} must be positive and at most one minute; it is {tolerance}.");
        return tolerance;
    }

    private Task PassAsync(IAttemptCounter counter, string key, TimeSpan elapsed)
    {
        Assert.True(elapsed > TimeSpan.Zero);
        return ElapseAsync(counter, key, elapsed);
    }

    /// <summary>Asserts that a reported time left lies in [exact − tolerance, exact].</summary>
    private void AssertTimeLeft(TimeSpan exact, TimeSpan actual)
    {
        var tolerance = Tolerance();
        Assert.True(
            actual <= exact && actual >= exact - tolerance,
            $"Expected a time left of {exact} (less at most {tolerance}), but the counter reported {actual}.");
    }

    /// <summary>Asserts a key's state as <see cref="IAttemptCounter.GetAsync"/> reports it.</summary>
    private async Task AssertCountAsync(IAttemptCounter counter, string key, int count, TimeSpan? timeLeft = null)
    {
        var read = await counter.GetAsync(key, CancellationToken.None);
        Assert.Equal(count, read.Count);
        Assert.False(read.Added);
        if (count == 0)
        {
            Assert.Equal(TimeSpan.Zero, read.RetryAfter);
        }
        else if (timeLeft is { } exact)
        {
            AssertTimeLeft(exact, read.RetryAfter);
        }
        else
        {
            Assert.True(read.RetryAfter > TimeSpan.Zero, $"An open window reported {read.RetryAfter} left.");
        }
    }

    /// <summary>Creates a key no other test uses, shaped like the SDK's keys (a purpose prefix and a value).</summary>
    private static string NewKey() => "conformance:" + Guid.NewGuid().ToString("N");
}
