using BenchmarkDotNet.Running;
using TrendAccount.Sdk.Benchmarks.Paired;

// --paired, --first-sign-in and --overload are this project's own harnesses (docs/benchmarks.md); anything else goes to BenchmarkDotNet.
return args switch
{
    ["--paired", .. var rest] => PairedHarness.Run(rest),
    ["--first-sign-in", .. var rest] => FirstSignIn.Run(rest),
    ["--overload", .. var rest] => OverloadLatency.Run(rest),
    [FirstSignIn.ChildSwitch, ..] => FirstSignIn.Child(),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
