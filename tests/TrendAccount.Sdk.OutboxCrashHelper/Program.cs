// The process that dies (issue #13's crash test): it commits a password reset against a SQLite database — the token
// and its outbox mail in one transaction — starts outbox delivery, and stops inside the mailer, before anything
// reaches an SMTP server, printing "SENDING <message-id>". The test kills it there and delivers from a fresh process.
// Usage: TrendAccount.Sdk.OutboxCrashHelper <sqlite-file> <email>
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrendAccount.Sdk;
using TrendAccount.Sdk.EntityFrameworkCore;
using TrendAccount.Sdk.Testing;

if (args.Length != 2)
{
    await Console.Error.WriteLineAsync("usage: TrendAccount.Sdk.OutboxCrashHelper <sqlite-file> <email>");
    return 2;
}

var (database, email) = (args[0], args[1]);
var services = new ServiceCollection();
services.AddTrendAccount(options =>
    {
        options.Hashing.WorkFactor = 4;
        options.Hashing.AllowInsecureWorkFactorForTesting = true;
        options.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
        options.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm?token=");
    })
    .UseEntityFrameworkStores(options => options.UseSqlite($"Data Source={database}"))
    .UseMailer(new StuckMailer())
    .UseCaptchaVerifier(new TestCaptchaVerifier())
    .AddOutboxDelivery();
await using var provider = services.BuildServiceProvider();

await using (var context = await provider.GetRequiredService<IDbContextFactory<TrendAccountDbContext>>().CreateDbContextAsync())
{
    await context.Database.EnsureCreatedAsync();
}

var store = provider.GetRequiredService<IAccountStore>();
var now = TimeProvider.System.GetUtcNow();
const string serial = "PQRS-1234-5678-9012-3456";
await store.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2017", now, CancellationToken.None);
var account = new AccountRecord
{
    Id = Guid.NewGuid(),
    Email = email,
    LookupKey = CredentialNormalizer.Default.NormalizeEmail(email).LookupKey!,
    PasswordHash = provider.GetRequiredService<IPasswordHasher>().HashPassword("the old password 1"),
    SecurityStamp = AccountRecord.NewSecurityStamp(),
    CreatedAt = now,
};
await store.CreateWithSerialAsync(account, serial, now, CancellationToken.None);

var accounts = provider.GetRequiredService<IAccountService>();
await accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(email, TestCaptchaVerifier.ValidResponse, new ClientContext("198.51.100.7")));
await BackgroundWork.WhenIdleAsync(provider);
Console.WriteLine("COMMITTED");

foreach (var hosted in provider.GetServices<IHostedService>())
{
    await hosted.StartAsync(CancellationToken.None);
}

await Task.Delay(Timeout.Infinite);
return 0;

/// <summary>A mailer whose server never answers: the process is killed while the mail is in its hands.</summary>
internal sealed class StuckMailer : IAccountMailer
{
    public Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
    {
        Console.WriteLine("SENDING " + message.MessageId);
        return Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
