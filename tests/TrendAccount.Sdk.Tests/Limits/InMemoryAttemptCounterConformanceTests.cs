using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Tests.Limits;

/// <summary>
/// Runs the counter conformance kit against the in-memory counter, twice: a fresh counter per test on its own
/// <see cref="FakeTimeProvider"/>, and one counter shared by every test of the class (the way a counter on a
/// server is run), whose clock moves for every test at once — which the kit allows, since every test has its own keys.
/// </summary>
public static class InMemoryAttemptCounterConformanceTests
{
    /// <summary>A fresh counter and clock for every test.</summary>
    public sealed class Fresh : AttemptCounterSpecification
    {
        private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));

        protected override Task<IAttemptCounter> CreateCounterAsync() =>
            Task.FromResult<IAttemptCounter>(new InMemoryAttemptCounter(_time, RateLimitOptions.DefaultMaximumTrackedKeys, null));

        protected override Task ElapseAsync(IAttemptCounter counter, string key, TimeSpan elapsed)
        {
            _time.Advance(elapsed);
            return Task.CompletedTask;
        }
    }

    /// <summary>The counter and clock of <see cref="Fresh"/>, created once for the class.</summary>
    public sealed class SharedCounterFixture
    {
        public FakeTimeProvider Time { get; } = new();

        public IAttemptCounter Counter { get; }

        public SharedCounterFixture() => Counter = new InMemoryAttemptCounter(Time, RateLimitOptions.DefaultMaximumTrackedKeys, null);
    }

    /// <summary>
    /// One counter shared by the class. Tests run one after another within a class, so moving the shared clock
    /// forward cannot end another test's window halfway.
    /// </summary>
    public sealed class Shared(SharedCounterFixture fixture) : AttemptCounterSpecification, IClassFixture<SharedCounterFixture>
    {
        protected override Task<IAttemptCounter> CreateCounterAsync() => Task.FromResult<IAttemptCounter>(fixture.Counter);

        protected override Task ElapseAsync(IAttemptCounter counter, string key, TimeSpan elapsed)
        {
            fixture.Time.Advance(elapsed);
            return Task.CompletedTask;
        }
    }
}
