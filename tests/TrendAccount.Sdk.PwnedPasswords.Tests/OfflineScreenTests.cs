namespace TrendAccount.Sdk.PwnedPasswords.Tests;

public sealed class OfflineScreenTests : IAsyncLifetime
{
    private const string Breached = "correct horse battery staple";
    private const string Clean = "a passphrase nobody has ever leaked 7f3a";

    private readonly OfflineRangeFolder _folder = new();
    private readonly List<ScreenHost> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task ScreenAsync_PasswordInFolder_ReturnsBreachedWithoutAnyNetwork()
    {
        _folder.WriteBreached((Breached, 3_861));
        // A base URL nothing listens on: offline mode must not use it.
        var host = Create(options => options.BaseUrl = new Uri("http://127.0.0.1:9/"));

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.Breached, result.Status);
        Assert.Equal("breached/offline/-", host.LastCheck());
    }

    [Fact]
    public async Task ScreenAsync_PrefixFileWithoutTheSuffix_ReturnsNotBreached()
    {
        var hash = RangeServer.Sha1Hex(Clean);
        _folder.Write(hash[..5], []);
        var host = Create();

        var result = await host.Screen.ScreenAsync(Clean, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.NotBreached, result.Status);
        Assert.Equal("not_breached/offline/-", host.LastCheck());
    }

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", true)]
    public async Task ScreenAsync_LowerCaseHexLfLinesOrBom_AreRead(string newLine, bool withBom)
    {
        var hash = RangeServer.Sha1Hex(Breached);
        _folder.Write(hash[..5], [(hash[5..].ToLowerInvariant(), 2)], newLine, withBom);
        var host = Create();

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.Breached, result.Status);
    }

    [Fact]
    public async Task ScreenAsync_CountBelowMinimumInFile_ReturnsNotBreached()
    {
        _folder.WriteBreached((Breached, 2));
        var host = Create(options => options.MinimumCount = 3);

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.NotBreached, result.Status);
    }

    [Theory]
    [InlineData(PwnedPasswordsFailureMode.FailOpen, BreachScreeningStatus.NotBreached, "failed_open")]
    [InlineData(PwnedPasswordsFailureMode.FailClosed, BreachScreeningStatus.Unavailable, "failed_closed")]
    public async Task ScreenAsync_MissingPrefixFile_IsAFailureNotANotFound(PwnedPasswordsFailureMode mode, BreachScreeningStatus expected, string outcome)
    {
        _folder.WriteBreached((Clean, 1));
        var host = Create(options => options.FailureMode = mode);

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal($"{outcome}/offline/missing_file", host.LastCheck());
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 7100);
    }

    [Fact]
    public async Task ScreenAsync_GarbageFile_IsAFailure()
    {
        var hash = RangeServer.Sha1Hex(Breached);
        File.WriteAllText(Path.Combine(_folder.Path, hash[..5] + ".txt"), "this is not a range file\n");
        var host = Create(options => options.FailureMode = PwnedPasswordsFailureMode.FailClosed);

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.Unavailable, result.Status);
        Assert.Equal("failed_closed/offline/malformed", host.LastCheck());
    }

    [Fact]
    public async Task ScreenAsync_FileReadOnce_IsServedFromTheCache()
    {
        _folder.WriteBreached((Breached, 5));
        var host = Create();
        Assert.Equal(BreachScreeningStatus.Breached, (await host.Screen.ScreenAsync(Breached, CancellationToken.None)).Status);
        File.Delete(Path.Combine(_folder.Path, RangeServer.Sha1Hex(Breached)[..5] + ".txt"));

        var again = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.Breached, again.Status);
        Assert.Equal("breached/cache/-", host.LastCheck());
    }

    [Fact]
    public async Task ScreenAsync_GeneratedCorpusOfManyPasswords_FindsEachAndNoOther()
    {
        var breached = Enumerable.Range(0, 200).Select(i => ($"leaked password number {i}", (long)(i + 1))).ToArray();
        _folder.WriteBreached(breached);
        var host = Create();

        foreach (var (password, _) in breached)
        {
            Assert.Equal(BreachScreeningStatus.Breached, (await host.Screen.ScreenAsync(password, CancellationToken.None)).Status);
        }

        // Under a minimum count no entry reaches, the same files refuse nothing.
        var strict = Create(options => options.MinimumCount = 1_000);
        foreach (var (password, _) in breached.Take(20))
        {
            Assert.Equal(BreachScreeningStatus.NotBreached, (await strict.Screen.ScreenAsync(password, CancellationToken.None)).Status);
        }
    }

    private ScreenHost Create(Action<PwnedPasswordsOptions>? configure = null)
    {
        var host = ScreenHost.Create(options =>
        {
            options.OfflineDirectory = _folder.Path;
            configure?.Invoke(options);
        });
        _hosts.Add(host);
        return host;
    }
}
