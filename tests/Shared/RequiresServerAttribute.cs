namespace TrendAccount.Sdk.ServerTests;

/// <summary>
/// Marks a test class whose tests need something outside the process — a PostgreSQL server, a Chromium binary.
/// Where it is missing, <see cref="ServerAwareTestFramework"/> reports every test of the class (its own and those
/// it inherits) as skipped, with <see cref="SkipReason"/> in the test's name so that <c>dotnet test</c> prints it.
/// Under <c>TRENDACCOUNT_REQUIRE_SERVERS=1</c> (set by <c>.ci/run</c>) nothing is skipped: the tests run and a
/// missing server fails them, so CI never passes by skipping.
/// </summary>
/// <remarks>Shared by the test projects as a linked source file (tests/Shared).</remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class RequiresServerAttribute : Attribute
{
    /// <summary>The environment variable that turns a missing server from a skip into a failure.</summary>
    public const string RequireVariable = "TRENDACCOUNT_REQUIRE_SERVERS";

    /// <summary>Gets a value indicating whether a missing server must fail the tests (CI) instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Gets why the tests are skipped, or <see langword="null"/> when they run (or must run and fail).</summary>
    public string? SkipReason => Required ? null : MissingReason;

    /// <summary>Gets what is missing and how to provide it, or <see langword="null"/> when it is there.</summary>
    protected abstract string? MissingReason { get; }
}
