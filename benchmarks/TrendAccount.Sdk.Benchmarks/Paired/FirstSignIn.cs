using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Benchmarks.Paired;

/// <summary>
/// Time to first sign-in: a fresh process builds the services (cost 10, in-memory stores) and signs in once with an
/// unknown email, the path that verifies against the hasher's dummy hash. Measured from the start of Main to the end
/// of that sign-in (wall, and the process's CPU time over the same span, JIT threads included), then a second sign-in. The parent runs children in fresh processes, alternating
/// with another build when given one (<c>--other path/to/TrendAccount.Sdk.Benchmarks</c>, e.g. a build of main).
/// <code>
/// dotnet run -c Release --project benchmarks/TrendAccount.Sdk.Benchmarks -- --first-sign-in [--runs 10] [--other EXE]
/// </code>
/// </summary>
internal static class FirstSignIn
{
    public const string ChildSwitch = "--first-sign-in-child";

    public static int Child()
    {
        var start = Stopwatch.GetTimestamp();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var services = new ServiceCollection();
        services.AddTrendAccount(o =>
            {
                o.Hashing.WorkFactor = 10;
                o.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
            })
            .UseInMemoryStores()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());
        using var provider = services.BuildServiceProvider();
        var accounts = provider.GetRequiredService<IAccountService>();
        var request = new SignInRequest("nobody@example.com", "correct horse battery");
        var first = accounts.SignInAsync(request).GetAwaiter().GetResult();
        var firstMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var firstCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds;
        var second0 = Stopwatch.GetTimestamp();
        _ = accounts.SignInAsync(request).GetAwaiter().GetResult();
        var secondMs = Stopwatch.GetElapsedTime(second0).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first-sign-in-ms {firstMs:F1} second-sign-in-ms {secondMs:F1} first-sign-in-process-cpu-ms {firstCpuMs:F1} succeeded {first.Succeeded}"));
        return 0;
    }

    public static int Run(string[] args)
    {
        var runs = 10;
        string? other = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs")
            {
                runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--other")
            {
                other = args[++i];
            }
        }

        var self = System.Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var results = new Dictionary<string, List<(double First, double Second, double FirstCpu)>>(StringComparer.Ordinal) { ["this build"] = [] };
        if (other is not null)
        {
            results["other build"] = [];
        }

        for (var run = 0; run < runs; run++)
        {
            var order = other is null || run % 2 == 0 ? results.Keys.ToArray() : results.Keys.Reverse().ToArray();
            foreach (var name in order)
            {
                results[name].Add(RunChild(name == "this build" ? self : other!));
            }
        }

        Console.WriteLine($"Time to first sign-in (unknown email, cost 10), {runs} fresh processes each; loadavg {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var (name, values) in results)
        {
            var first = values.Select(v => v.First).OrderBy(x => x).ToArray();
            var second = values.Select(v => v.Second).OrderBy(x => x).ToArray();
            var cpu = values.Select(v => v.FirstCpu).OrderBy(x => x).ToArray();
            Console.WriteLine(FormattableString.Invariant(
                $"  {name,-12} first sign-in: median {first[first.Length / 2]:F0} ms wall (min {first[0]:F0}, max {first[^1]:F0}), {cpu[cpu.Length / 2]:F0} ms process CPU (min {cpu[0]:F0}, max {cpu[^1]:F0}); second sign-in: median {second[second.Length / 2]:F0} ms wall"));
        }

        return 0;
    }

    private static (double First, double Second, double FirstCpu) RunChild(string executable)
    {
        var info = new ProcessStartInfo(executable, ChildSwitch) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + executable);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var fields = output.Split(' ', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[3], CultureInfo.InvariantCulture), double.Parse(fields[5], CultureInfo.InvariantCulture));
    }
}
