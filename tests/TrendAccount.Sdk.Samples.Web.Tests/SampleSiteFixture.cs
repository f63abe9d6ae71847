using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// The web sample started in-process, exactly as <c>Program.cs</c> starts it, in the Development environment on a
/// free loopback port, with a fresh SQLite file and pickup folder per test class. Every log line is kept, so the
/// journeys can check that no password or token was logged.
/// </summary>
public class SampleSiteFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "trendaccount-web-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    public IAccountService Accounts => Services.GetRequiredService<IAccountService>();

    public ConcurrentQueue<string> LogLines { get; } = new();

    /// <summary>Gets the ASP.NET Core environment the site runs in.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>Gets further command-line settings.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var port = FreeLoopbackPort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var builder = SampleSite.CreateBuilder(
        [
            $"--environment={EnvironmentName}",
            $"--urls={BaseUrl}",
            $"--Sample:DataDirectory={_directory}",
            "--Sample:SeedSerial=" + Serials.Seeded,
            // bcrypt at the lowest cost: the journeys test pages, not the hash's price.
            "--TrendAccount:Hashing:WorkFactor=4",
            "--TrendAccount:Hashing:AllowInsecureWorkFactorForTesting=true",
            .. ExtraArguments,
        ]);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(new CollectingLoggerProvider(LogLines));
        _app = SampleSite.Build(builder);
        await SampleSite.PrepareAsync(_app);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>
    /// Activates a serial and writes a confirmed account for it straight into the store (set-up, not the journey:
    /// registering through the SDK needs the site's captcha and the confirmation mail).
    /// </summary>
    public async Task RegisterAsync(string serial, string email, string password)
    {
        var activation = await Accounts.ActivateProductAsync(new ProductActivationRequest(serial));
        Assert.True(activation.Succeeded, activation.Message);
        var normalized = CredentialNormalizer.Default.NormalizeEmail(email);
        var account = new AccountRecord
        {
            Id = Guid.NewGuid(),
            Email = normalized.Email!,
            LookupKey = normalized.LookupKey!,
            PasswordHash = Services.GetRequiredService<IPasswordHasher>().HashPassword(password),
            SecurityStamp = AccountRecord.NewSecurityStamp(),
            CreatedAt = Services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var status = await Services.GetRequiredService<IAccountStore>().CreateWithSerialAsync(account, activation.Serial!, account.CreatedAt, CancellationToken.None);
        Assert.Equal(StoreWriteStatus.Succeeded, status);
    }

    /// <summary>Asserts that no log line contains any of the secrets.</summary>
    public void AssertNotLogged(params string[] secrets)
    {
        Assert.NotEmpty(LogLines);
        foreach (var line in LogLines)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {properties} {exception}");
        }
    }
}
