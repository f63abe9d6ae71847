using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Benchmarks.Paired;

/// <summary>
/// Issue #11 item 7: at twice capacity, the admitted sign-ins' p99 stays bounded and the overflow is refused within
/// milliseconds. An open-loop load test: arrivals follow a fixed, seeded schedule (Poisson by default), whatever the
/// SDK answers, so an overload is real and a slow answer cannot slow the arrivals down (as closed-loop callers would).
/// <code>
/// dotnet run -c Release --project benchmarks/TrendAccount.Sdk.Benchmarks -- --overload
///     [--rounds 5] [--seconds 20] [--cost 11] [--arrivals poisson|uniform] [--seed 11] [--quick]
/// </code>
/// </summary>
/// <remarks>
/// <para>One process, one <see cref="IAccountService"/> with the default admission settings and in-memory stores,
/// bcrypt at the default work factor (11). Every request is an untrusted sign-in with a wrong password for a fresh
/// address from a fresh IPv4 address, so neither the per-client limit nor the step-up answers before the
/// verification gate, and every admitted request costs exactly one verification (the dummy hash: an unknown address
/// costs what a wrong password does, issue #11 item 6). Untrusted requests may use every slot but the one reserved
/// for trusted devices.</para>
/// <para>Each round measures one idle sign-in (median of several, the gate empty), derives the capacity from it
/// (untrusted slots ÷ idle sign-in time), then runs the load at 1× and 2× that capacity for the same duration, in an
/// order that alternates between rounds. Each request's latency runs from its scheduled arrival to the end of
/// <c>SignInAsync</c>, so lateness of the load generator counts against the SDK, not for it; the generator's own lag
/// is printed.</para>
/// <para>The bound the design promises an admitted request: at most <see cref="SignInOptions.MaximumVerificationWait"/>
/// in the queue, then one verification. A full queue also bounds the wait to the verifications ahead in the queue.</para>
/// </remarks>
internal static class OverloadLatency
{
    private const string WrongPassword = "not the password 123";
    private const int IdleSamples = 7;

    /// <summary>What the wait check allows beyond the maximum wait: the work around the gate that its timer does not see.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

    public static int Run(string[] args)
    {
        var settings = Settings.Parse(args);
        Console.WriteLine(PairedHarness.Environment());
        using var host = LoadHost.Create(settings.Cost);
        var slots = host.UntrustedSlots;
        Console.WriteLine(FormattableString.Invariant(
            $"Open-loop sign-in load: cost {settings.Cost}, {host.Options.ConcurrentVerifications} verification slots ({slots} for untrusted clients), {host.Options.QueuedVerifications} queue places per queue, maximum wait {host.Options.MaximumVerificationWait.TotalSeconds:F1} s; {settings.Rounds} rounds of {settings.Duration.TotalSeconds:F0} s at 1× and 2× capacity ({settings.Arrivals} arrivals, seed {settings.Seed})"));

        // Warm-up: JIT, the lazy dummy hash, the thread pool; then a short load at 2× so the refusal path is warm too.
        for (var i = 0; i < 3; i++)
        {
            host.SignInOnce();
        }

        var warmIdle = host.IdleSignIn(3);
        _ = host.Load(2 * slots / warmIdle.TotalSeconds, TimeSpan.FromSeconds(Math.Min(3, settings.Duration.TotalSeconds)), settings.Arrivals, settings.Seed - 1);
        host.WaitUntilIdle();

        var rounds = new List<Round>();
        for (var r = 0; r < settings.Rounds; r++)
        {
            var idle = host.IdleSignIn(IdleSamples);
            var capacity = slots / idle.TotalSeconds;
            var round = new Round(idle, capacity);
            foreach (var factor in r % 2 == 0 ? new[] { 1, 2 } : [2, 1])
            {
                var run = host.Load(factor * capacity, settings.Duration, settings.Arrivals, settings.Seed + (r * 2) + factor);
                host.WaitUntilIdle();
                round.Runs[factor] = run;
                Console.WriteLine(FormattableString.Invariant(
                    $"  round {r + 1} {factor}×: idle sign-in {Ms(idle)}, capacity {capacity:F2}/s, {run.Describe()}; loadavg {LoadAverage()}"));
            }

            rounds.Add(round);
        }

        Report(rounds, host, settings);
        return 0;
    }

    private static void Report(List<Round> rounds, LoadHost host, Settings settings)
    {
        var wait = host.Options.MaximumVerificationWait;
        Console.WriteLine();
        Console.WriteLine("Summary (pooled over rounds; per-round ratios as geometric mean [95 % interval], median [bootstrap 95 %])");
        foreach (var factor in new[] { 1, 2 })
        {
            var runs = rounds.Select(r => r.Runs[factor]).ToArray();
            var admitted = runs.SelectMany(r => r.Admitted).ToArray();
            var refused = runs.SelectMany(r => r.Refused).ToArray();
            Console.WriteLine(FormattableString.Invariant(
                $"  {factor}×: {admitted.Length} admitted p50 {Ms(Percentile(admitted, 0.50))}, p99 {Ms(Percentile(admitted, 0.99))}, max {Ms(Percentile(admitted, 1))}; {refused.Length} refused p50 {Ms(Percentile(refused, 0.50))}, p99 {Ms(Percentile(refused, 0.99))}, max {Ms(Percentile(refused, 1))} (in the SDK: p99 {Ms(Percentile(runs.SelectMany(r => r.RefusedInSdk).ToArray(), 0.99))}); refused fraction {refused.Length / (double)(admitted.Length + refused.Length):P1}"));
            Console.WriteLine(FormattableString.Invariant(
                $"      admitted: wait for a slot p50 {Ms(Percentile(runs.SelectMany(r => r.Wait).ToArray(), 0.5))} max {Ms(Percentile(runs.SelectMany(r => r.Wait).ToArray(), 1))}; after admission (one verification) p50 {Ms(Percentile(runs.SelectMany(r => r.Service).ToArray(), 0.5))} max {Ms(Percentile(runs.SelectMany(r => r.Service).ToArray(), 1))}"));
            Console.WriteLine($"      admitted p99 ÷ idle sign-in (same round): {new RatioStatistics(rounds.Select(r => r.Runs[factor].AdmittedP99 / r.Idle).ToList()).Describe()}");
        }

        Console.WriteLine($"  admitted p99 at 2× ÷ at 1× (same round): {new RatioStatistics(rounds.Select(r => r.Runs[2].AdmittedP99 / r.Runs[1].AdmittedP99).ToList()).Describe()}");
        Console.WriteLine($"  refused fraction at 2× per round: {string.Join(", ", rounds.Select(r => r.Runs[2].RefusedFraction.ToString("P1", CultureInfo.InvariantCulture)))}");

        // The design's bound on an admitted request: at most the maximum wait for a slot, then one verification.
        // Checked per request on the part the SDK controls (the wait; the verification's own time is the CPU's).
        var all = rounds.SelectMany(r => r.Runs.Values).ToArray();
        // The measured wait also holds the guard's work before the gate and the thread pool's start of the
        // continuation after a hand-over, which the gate's timer does not see: Slack allows for them.
        var overWait = all.Sum(run => run.Wait.Count(x => x > wait));
        var overSlack = all.Sum(run => run.Wait.Count(x => x > wait + Slack));
        var longestWait = Percentile(all.SelectMany(run => run.Wait).ToArray(), 1);
        var longestService = Percentile(all.SelectMany(run => run.Service).ToArray(), 1);
        var longest = Percentile(all.SelectMany(run => run.Admitted).ToArray(), 1);
        var longestLag = Percentile(all.SelectMany(run => run.Lag).ToArray(), 1);
        Console.WriteLine(FormattableString.Invariant(
            $"  bound (wait ≤ {wait.TotalSeconds:F1} s, then one verification): longest wait {Ms(longestWait)} of {all.Sum(run => run.Wait.Length)} admitted; {overWait} over {wait.TotalSeconds:F1} s, {overSlack} over it + {Ms(Slack)} slack — {(overSlack == 0 ? "held" : "NOT held")}; longest admitted {Ms(longest)} ≤ longest lag {Ms(longestLag)} + {wait.TotalSeconds:F1} s + longest verification {Ms(longestService)} = {Ms(longestLag + wait + longestService)}"));
        var queueBound = rounds.Max(r => r.Runs.Values.Max(run => Percentile(run.Wait, 1) / (host.Options.QueuedVerifications / (double)host.UntrustedSlots * r.Idle)));
        Console.WriteLine(FormattableString.Invariant(
            $"  longest wait ÷ (queue places ÷ untrusted slots × idle sign-in), worst round: {queueBound:F2} (> 1: verifications ran slower than idle under the load)"));
        var refusedP99 = rounds.Max(r => r.Runs[2].RefusedP99);
        Console.WriteLine(FormattableString.Invariant(
            $"  goal, refused p99 at 2× within milliseconds (< 10 ms, from the scheduled arrival): worst round {Ms(refusedP99)} — {(refusedP99 < TimeSpan.FromMilliseconds(10) ? "met" : "missed")}; pooled {Ms(Percentile(rounds.SelectMany(r => r.Runs[2].Refused).ToArray(), 0.99))}"));

        // Two kinds of refusal: the queue was full (answered at once), or the request queued and its wait ran out
        // (answered after the full wait). Told apart by the time spent in the SDK: under half the wait, or not (the
        // gate's timer may fire a little before the full wait on this process's clock).
        foreach (var factor in new[] { 1, 2 })
        {
            var runs = rounds.Select(r => r.Runs[factor]).ToArray();
            var atOnce = runs.SelectMany(r => r.Refused.Zip(r.RefusedInSdk).Where(x => x.Second < wait / 2)).ToArray();
            var timedOut = runs.Sum(r => r.RefusedInSdk.Count(x => x >= wait / 2));
            var total = runs.Sum(r => r.Admitted.Length + r.Refused.Length);
            Console.WriteLine(FormattableString.Invariant(
                $"  {factor}× refusals: {atOnce.Length} at once (queue full), p99 {Ms(Percentile(atOnce.Select(x => x.First).ToArray(), 0.99))} from arrival, {Ms(Percentile(atOnce.Select(x => x.Second).ToArray(), 0.99))} in the SDK; {timedOut} after the full {wait.TotalSeconds:F1} s wait ({timedOut / (double)total:P1} of all requests)"));
        }
        Console.WriteLine(FormattableString.Invariant(
            $"  load generator lag (start on the thread pool after the scheduled arrival): p99 {Ms(Percentile(all.SelectMany(run => run.Lag).ToArray(), 0.99))}, max {Ms(longestLag)}; loadavg {LoadAverage()}"));
        if (settings.Quick)
        {
            Console.WriteLine("  (--quick: a smoke run at a test work factor; the figures mean nothing)");
        }
    }

    /// <summary>Nearest-rank percentile (<paramref name="p"/> = 1 is the maximum); <see cref="TimeSpan.Zero"/> for no samples.</summary>
    internal static TimeSpan Percentile(IReadOnlyCollection<TimeSpan> values, double p)
    {
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class Round(TimeSpan idle, double capacity)
    {
        public TimeSpan Idle { get; } = idle;

        public double Capacity { get; } = capacity;

        public Dictionary<int, LoadRun> Runs { get; } = [];
    }

    /// <summary>
    /// One open-loop run. Per request, from its scheduled arrival: <c>Latency</c> to the end of <c>SignInAsync</c>;
    /// <c>Lag</c> until the thread pool started it; for an admitted one, <c>Wait</c> from its start until the gate let
    /// it through (what <see cref="SignInOptions.MaximumVerificationWait"/> bounds) and <c>Service</c> from there to
    /// the end (one verification and the rest of the sign-in); for a refused one, <c>InSdk</c> from its start to
    /// the answer.
    /// </summary>
    internal sealed class LoadRun(double rate, Sample[] samples)
    {
        public double Rate { get; } = rate;

        public TimeSpan[] Admitted { get; } = samples.Where(x => x.Admitted).Select(x => x.Latency).ToArray();

        public TimeSpan[] Refused { get; } = samples.Where(x => !x.Admitted).Select(x => x.Latency).ToArray();

        public TimeSpan[] RefusedInSdk { get; } = samples.Where(x => !x.Admitted).Select(x => x.Latency - x.Lag).ToArray();

        public TimeSpan[] Wait { get; } = samples.Where(x => x.Admitted).Select(x => x.Wait).ToArray();

        public TimeSpan[] Service { get; } = samples.Where(x => x.Admitted).Select(x => x.Latency - x.Lag - x.Wait).ToArray();

        public TimeSpan[] Lag { get; } = samples.Select(x => x.Lag).ToArray();

        public TimeSpan AdmittedP99 => Percentile(Admitted, 0.99);

        public TimeSpan RefusedP99 => Percentile(Refused, 0.99);

        public double RefusedFraction => Refused.Length / (double)(Admitted.Length + Refused.Length);

        public string Describe() => FormattableString.Invariant(
            $"{Rate:F2}/s offered, {Admitted.Length + Refused.Length} requests: admitted p50 {Ms(Percentile(Admitted, 0.50))} p99 {Ms(AdmittedP99)} max {Ms(Percentile(Admitted, 1))} (wait max {Ms(Percentile(Wait, 1))}, after admission p50 {Ms(Percentile(Service, 0.5))} max {Ms(Percentile(Service, 1))}); refused {RefusedFraction:P1}, p50 {Ms(Percentile(Refused, 0.50))} p99 {Ms(RefusedP99)} (in the SDK p99 {Ms(Percentile(RefusedInSdk, 0.99))}); lag max {Ms(Percentile(Lag, 1))}");
    }

    /// <summary>One request of a <see cref="LoadRun"/>.</summary>
    internal readonly record struct Sample(bool Admitted, TimeSpan Latency, TimeSpan Lag, TimeSpan Wait);

    /// <summary>The service under load, and the load generator.</summary>
    private sealed class LoadHost : IDisposable
    {
        private readonly ServiceProvider _provider;
        private readonly IAccountService _accounts;
        private readonly VerificationGate _gate;
        private int _sequence;

        private LoadHost(ServiceProvider provider)
        {
            _provider = provider;
            _accounts = provider.GetRequiredService<IAccountService>();
            _gate = provider.GetRequiredService<VerificationGate>();
            Options = provider.GetRequiredService<IOptions<TrendAccountOptions>>().Value.SignIn;
        }

        public SignInOptions Options { get; }

        /// <summary>Gets the slots an untrusted sign-in may take: all but the one reserved for trusted devices (<see cref="VerificationGate"/>).</summary>
        public int UntrustedSlots => Options.ConcurrentVerifications > 1 ? Options.ConcurrentVerifications - 1 : Options.ConcurrentVerifications;

        public static LoadHost Create(int cost)
        {
            var services = new ServiceCollection();
            services.AddTrendAccount(o =>
                {
                    o.Hashing.WorkFactor = cost;
                    o.Hashing.AllowInsecureWorkFactorForTesting = cost < HashingOptions.MinimumWorkFactor;
                    o.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                    o.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
                })
                .UseInMemoryStores()
                .UseMailer(new RecordingAccountMailer())
                .UseCaptchaVerifier(new TestCaptchaVerifier());
            services.RemoveAll<IAccountStore>();
            services.AddSingleton<IAccountStore>(sp => new AdmissionProbeStore(sp.GetRequiredService<InMemoryAccountStore>()));
            return new LoadHost(services.BuildServiceProvider());
        }

        /// <summary>One sign-in on the calling thread; throws unless it was admitted and verified.</summary>
        public void SignInOnce()
        {
            var result = _accounts.SignInAsync(Next()).GetAwaiter().GetResult();
            if (result.Status != SignInStatus.Failed)
            {
                throw new InvalidOperationException($"An idle sign-in answered {result.Status}.");
            }
        }

        /// <summary>The median wall time of <paramref name="samples"/> sequential sign-ins with the gate empty.</summary>
        public TimeSpan IdleSignIn(int samples)
        {
            var times = new TimeSpan[samples];
            for (var i = 0; i < samples; i++)
            {
                var start = Stopwatch.GetTimestamp();
                SignInOnce();
                times[i] = Stopwatch.GetElapsedTime(start);
            }

            return Percentile(times, 0.5);
        }

        /// <summary>Waits (outside any measurement) until no verification runs and nobody waits.</summary>
        public void WaitUntilIdle()
        {
            while (_gate.Active > 0 || _gate.Waiting > 0)
            {
                Thread.Sleep(10);
            }
        }

        /// <summary>
        /// Offers <paramref name="rate"/> sign-ins per second for <paramref name="duration"/> on a schedule fixed in
        /// advance, each started on the thread pool at its time (as a server hands requests to it), and waits for all.
        /// </summary>
        public LoadRun Load(double rate, TimeSpan duration, Arrivals arrivals, int seed)
        {
            var schedule = Schedule(rate, duration, arrivals, seed);
            var samples = new Sample[schedule.Length];
            var requests = schedule.Select(_ => Next()).ToArray();
            var tasks = new Task[schedule.Length];
            var origin = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100);
            for (var i = 0; i < schedule.Length; i++)
            {
                var due = origin + (long)(schedule[i] * Stopwatch.Frequency);
                WaitUntil(due);
                var index = i;
                tasks[i] = Task.Run(async () =>
                {
                    var start = Stopwatch.GetTimestamp();
                    var admittedAt = new StrongBox<long>();
                    AdmissionProbeStore.Admitted.Value = admittedAt;
                    var result = await _accounts.SignInAsync(requests[index]).ConfigureAwait(false);
                    var end = Stopwatch.GetTimestamp();
                    var admitted = result.Status switch
                    {
                        SignInStatus.Failed => true,
                        SignInStatus.TryAgainLater => false,
                        _ => throw new InvalidOperationException($"A load sign-in answered {result.Status}."),
                    };
                    if (admitted == (admittedAt.Value == 0))
                    {
                        throw new InvalidOperationException("The admission probe disagrees with the answer.");
                    }

                    samples[index] = new Sample(
                        admitted,
                        Stopwatch.GetElapsedTime(due, end),
                        Stopwatch.GetElapsedTime(due, start),
                        admitted ? Stopwatch.GetElapsedTime(start, admittedAt.Value) : TimeSpan.Zero);
                });
            }

            Task.WaitAll(tasks);
            return new LoadRun(rate, samples);
        }

        public void Dispose() => _provider.Dispose();

        // Arrival times in seconds from the start: Poisson (exponential gaps) or evenly spaced, at the given rate.
        private static double[] Schedule(double rate, TimeSpan duration, Arrivals arrivals, int seed)
        {
            var random = new Random(seed);
            var times = new List<double>();
            var t = arrivals == Arrivals.Uniform ? 0.5 / rate : -Math.Log(1 - random.NextDouble()) / rate;
            while (t < duration.TotalSeconds)
            {
                times.Add(t);
                t += arrivals == Arrivals.Uniform ? 1 / rate : -Math.Log(1 - random.NextDouble()) / rate;
            }

            return [.. times];
        }

        // Sleeps to within a millisecond of the due time, then yields until it: no core is held spinning.
        private static void WaitUntil(long due)
        {
            while (true)
            {
                var remaining = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                if (remaining <= 0)
                {
                    return;
                }

                if (remaining > 2)
                {
                    Thread.Sleep((int)remaining - 1);
                }
                else
                {
                    Thread.Yield();
                }
            }
        }

        // A fresh unknown address from a fresh client each time: one verification each, no limit or step-up first.
        private SignInRequest Next()
        {
            var n = Interlocked.Increment(ref _sequence);
            return new SignInRequest($"load{n}@example.com", WrongPassword) { Client = new ClientContext($"10.{(n >> 16) & 0xFF}.{(n >> 8) & 0xFF}.{n & 0xFF}") };
        }
    }

    internal enum Arrivals
    {
        Poisson,
        Uniform,
    }

    private sealed record Settings(int Rounds, TimeSpan Duration, int Cost, Arrivals Arrivals, int Seed, bool Quick)
    {
        public static Settings Parse(string[] args)
        {
            int rounds = 5, seconds = 20, cost = HashingOptions.DefaultWorkFactor, seed = 11;
            var arrivals = Arrivals.Poisson;
            var quick = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--cost": cost = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--arrivals": arrivals = Enum.Parse<Arrivals>(args[++i], ignoreCase: true); break;
                    case "--quick": quick = true; break;
                    default: throw new ArgumentException($"Unknown --overload option '{args[i]}'.");
                }
            }

            // A smoke run that exercises every path in seconds (CI's dry run does not run this mode).
            return quick ? new Settings(2, TimeSpan.FromSeconds(1), 4, arrivals, seed, true) : new Settings(rounds, TimeSpan.FromSeconds(seconds), cost, arrivals, seed, false);
        }
    }
}
