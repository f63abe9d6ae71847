using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.MailKit.Tests.Infrastructure;

namespace TrendAccount.Sdk.MailKit.Tests.Outbox;

/// <summary>
/// Issue #13's crash test: a child process commits a password reset against a SQLite database and is killed while its
/// mailer holds the mail, before anything reached an SMTP server; a fresh process delivers that mail to a real SMTP
/// server exactly once, with the Message-Id of its outbox row and a link that works.
/// </summary>
public sealed class OutboxCrashTests : IDisposable
{
    private const string Email = "victim@example.com";
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task OutboxDelivery_ProcessKilledBeforeSending_FreshProcessDeliversTheResetExactlyOnce()
    {
        var database = _folder.Combine("accounts.db");
        var messageId = await RunAndKillChildAsync(database);

        await using var server = await TestSmtpServer.StartAsync();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow() + OutboxDeliveryOptions.DefaultLeaseDuration + TimeSpan.FromSeconds(1));
        var services = new ServiceCollection();
        services.AddTrendAccount(options =>
            {
                options.Hashing.WorkFactor = 4;
                options.Hashing.AllowInsecureWorkFactorForTesting = true;
                options.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                options.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm?token=");
            })
            .UseEntityFrameworkStores(options => options.UseSqlite($"Data Source={database}"))
            .UseSmtpMailer(smtp =>
            {
                smtp.Host = "127.0.0.1";
                smtp.Port = server.Port;
                smtp.TlsMode = SmtpTlsMode.None;
                smtp.FromAddress = "account@trend.example";
            })
            .UseCaptchaVerifier(new TrendAccount.Sdk.Testing.TestCaptchaVerifier())
            .UseTimeProvider(time)
            .AddOutboxDelivery();
        await using var provider = services.BuildServiceProvider();
        var delivery = provider.GetRequiredService<OutboxDeliveryService>();

        // The dead process's lease has run out: the fresh one claims the row, sends it, and a second pass finds nothing.
        Assert.Equal(1, await delivery.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await delivery.RunOnceAsync(CancellationToken.None));

        var received = Assert.Single(server.Received);
        Assert.Equal([Email], received.EnvelopeTo);
        Assert.Equal(messageId + "@trend.example", received.Message.MessageId);
        var link = (received.Message.TextBody ?? string.Empty).Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("https://accounts.example.com/reset?token=", StringComparison.Ordinal));
        var token = link["https://accounts.example.com/reset?token=".Length..];
        var reset = await provider.GetRequiredService<IAccountService>().ResetPasswordAsync(
            new ResetPasswordRequest(token, "a brand new password 2", "a brand new password 2", new ClientContext("198.51.100.7")));
        Assert.True(reset.Succeeded, reset.Message);

        // Much later: the delivered row is never sent again.
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await delivery.RunOnceAsync(CancellationToken.None));
        Assert.Single(server.Received, m => m.Message.MessageId == messageId + "@trend.example");
    }

    public void Dispose()
    {
        SqliteClear();
        _folder.Dispose();
    }

    private static void SqliteClear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    // Starts the helper (built beside this assembly), waits until it has committed the reset and its mailer holds the
    // mail, then kills it: no shutdown code runs, as in a crash.
    private static async Task<string> RunAndKillChildAsync(string database)
    {
        var helper = Path.Combine(AppContext.BaseDirectory, "TrendAccount.Sdk.OutboxCrashHelper.dll");
        Assert.True(File.Exists(helper), "The crash helper was not built beside the tests: " + helper);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", helper, database, Email })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the helper");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            var committed = false;
            while (true)
            {
                var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("The helper ended early: " + await child.StandardError.ReadToEndAsync(timeout.Token));
                committed |= line == "COMMITTED";
                if (line.StartsWith("SENDING ", StringComparison.Ordinal))
                {
                    Assert.True(committed);
                    return line["SENDING ".Length..];
                }
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(CancellationToken.None);
        }
    }
}
