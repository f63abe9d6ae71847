using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.EntityFrameworkCore;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.MailKit;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Samples.Console;

/// <summary>The whole support article, step by step, through the SDK's public API.</summary>
public static class ArticleWalkthrough
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "Blue-Falcon-1987";
    private const string NewPassword = "Quiet-Harbor-2017";
    private const string Captcha = TestCaptchaVerifier.ValidResponse;

    /// <summary>Runs the walkthrough.</summary>
    /// <param name="output">Where to print.</param>
    /// <param name="options">Where the data goes and the bcrypt cost.</param>
    /// <returns>0 when every step behaved as the article says; 1 otherwise.</returns>
    public static async Task<int> RunAsync(TextWriter output, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        // A simulated clock, set to the support article's era: every date the sample prints or mails is simulated.
        var simulatedStart = new DateTimeOffset(2017, 6, 12, 21, 24, 0, TimeSpan.Zero);
        var clock = new ManualClock(simulatedStart);
        output.WriteLine($"Clock: simulated, starting {simulatedStart:yyyy-MM-dd HH:mm} UTC (the article's era); every date below is simulated, not today's.");
        var client = new ClientContext("203.0.113.10", "Sample/1.0");
        var databasePath = Path.Combine(options.DataDirectory, "trendaccount-sample.db");
        var pickupDirectory = Path.Combine(options.DataDirectory, "trendaccount-outbox");
        var recorder = new RecordingAccountMailer();

        // --- What a host writes once, at start-up (docs/getting-started.md). ---
        var services = new ServiceCollection();
        var builder = services.AddTrendAccount(settings =>
            {
                settings.Hashing.WorkFactor = options.WorkFactor;
                settings.Hashing.AllowInsecureWorkFactorForTesting = options.WorkFactor < HashingOptions.MinimumWorkFactor;
                settings.Recovery.ResetLinkBaseUrl = new Uri("https://account.example.com/reset-password?token=");
                settings.Recovery.RegistrationLinkBaseUrl = new Uri("https://account.example.com/confirm-registration?token=");
            })
            .UseCaptchaVerifier(new TestCaptchaVerifier())
            .UseTimeProvider(clock);
        if (options.InMemory)
        {
            builder.UseInMemoryStores().UseMailer(recorder);
            output.WriteLine("Stores: in memory; mail: recorded in memory.");
        }
        else
        {
            // The embedded default: one SQLite file and a folder of .eml files. The sample starts afresh each run.
            Directory.CreateDirectory(options.DataDirectory);
            SqliteConnection.ClearAllPools();
            File.Delete(databasePath);
            if (Directory.Exists(pickupDirectory))
            {
                foreach (var old in Directory.EnumerateFiles(pickupDirectory, "*.eml"))
                {
                    File.Delete(old);
                }
            }

            builder.UseEntityFrameworkStores(db => db.UseSqlite($"Data Source={databasePath}"))
                .UsePickupDirectoryMailer(pickupDirectory);
            output.WriteLine($"Stores: SQLite file {databasePath}");
            output.WriteLine($"Mail: .eml files in {pickupDirectory}");
        }

        await using var provider = services.BuildServiceProvider();
        if (!options.InMemory)
        {
            // EnsureCreated suits a sample; a real host creates the schema with EF Core migrations (docs/stores.md).
            await using var db = await provider.GetRequiredService<IDbContextFactory<TrendAccountDbContext>>().CreateDbContextAsync();
            await db.Database.EnsureCreatedAsync();
        }

        // Reads the customer's mailbox: the recorder in memory, the newest .eml file in the pickup folder otherwise.
        (string? Subject, Uri? Link) LastMail(string to, AccountMessageKind kind)
        {
            if (options.InMemory)
            {
                var message = recorder.LastMessageTo(to, kind);
                return (message?.Subject, message?.Link);
            }

            var file = PickupDirectoryAccountMailer.ReadMessages(pickupDirectory)
                .FirstOrDefault(m => m.Kind == kind && string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase));
            return (file?.Subject, file?.Link);
        }

        var accounts = provider.GetRequiredService<IAccountService>();
        var troubleshooter = provider.GetRequiredService<SignInTroubleshooter>();
        Task WhenMailSentAsync() => BackgroundWork.WhenIdleAsync(provider);

        var failures = 0;
        var step = 0;
        void Step(string title) => output.WriteLine($"{Environment.NewLine}== {++step}. {title}");
        void Says(string text) => output.WriteLine($"   Customer sees: {text}");
        void Note(string text) => output.WriteLine($"   {text}");
        void Expect(bool condition, string what)
        {
            if (!condition)
            {
                failures++;
                output.WriteLine($"   !! UNEXPECTED: {what}");
            }
        }

        output.WriteLine("Unable to sign in to your Trend Micro Account: the support article, played by TrendAccount.Sdk");

        Step("The program is installed and activated with its serial number");
        var activation = await accounts.ActivateProductAsync(new ProductActivationRequest(Serial, "TMS-2017"));
        Says(activation.Message);
        Expect(activation.Status == ProductActivationStatus.Succeeded, "activation recorded");

        Step("The customer creates a Trend Micro Account with the serial");
        var registration = await accounts.RegisterAsync(new RegistrationRequest(Serial, Email, Password, Password, Captcha, client));
        Says(registration.Message);
        Expect(registration.Status == RegistrationStatus.Accepted, "check your email (the same answer whether or not the address has an account)");
        await WhenMailSentAsync();
        var confirmMail = LastMail(Email, AccountMessageKind.RegistrationConfirmation);
        Note($"Email to {Email}: \"{confirmMail.Subject}\"");
        Note($"Link behind \"Confirm your registration\": {confirmMail.Link}");

        Step("The customer opens the link: the account exists now");
        var confirmed = await accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(confirmMail.Link?.AbsoluteUri.Split("token=")[^1]));
        Says(confirmed.Message);
        Expect(confirmed.Status == ConfirmRegistrationStatus.Succeeded, "account created");

        Step("Sign in, with extra spaces around the email address");
        var spaced = await accounts.SignInAsync(new SignInRequest("  john@example.com ", Password));
        Says(spaced.Message);
        Note($"Hints: {spaced.Hints} -> \"{TrendAccountMessages.Default.DescribeHints(spaced.Hints)}\"");
        Expect(spaced.Succeeded && spaced.Hints.HasFlag(InputHints.SurroundingWhitespace), "signed in despite the spaces, with a hint");

        Step("Sign in with a wrong password");
        var wrong = await accounts.SignInAsync(new SignInRequest(Email, "Blue-Falcon-1978"));
        Says(wrong.Message);
        Expect(wrong.Status == SignInStatus.Failed, "the generic message");

        Step("Four more wrong passwords: the account locks for 15 minutes");
        for (var i = 0; i < 4; i++)
        {
            await accounts.SignInAsync(new SignInRequest(Email, $"guess-number-{i}"));
        }

        var whileLocked = await accounts.SignInAsync(new SignInRequest(Email, Password));
        Says(whileLocked.Message);
        Note("(Even the right password gets the same answer while locked; the true reason is only in the log.)");
        await WhenMailSentAsync();
        var notice = LastMail(Email, AccountMessageKind.LockoutNotice);
        Note($"Email to {Email}: \"{notice.Subject}\"");
        Expect(!whileLocked.Succeeded && notice.Subject is not null, "locked, one notice mailed");

        Step("15 minutes later the lockout is over");
        clock.Advance(TimeSpan.FromMinutes(15));
        var afterLockout = await accounts.SignInAsync(new SignInRequest(Email, Password));
        Says(afterLockout.Message);
        Expect(afterLockout.Succeeded, "signed in after the lockout");

        Step("Forgot which address you used before? Serial number, then Check Now");
        var recovered = await accounts.RecoverEmailAsync(new EmailRecoveryRequest("pqrs 1234 5678 9012 3456", Captcha, client));
        Says(recovered.Message);
        await WhenMailSentAsync();
        Note($"Email to {Email}: \"{LastMail(Email, AccountMessageKind.EmailReminder).Subject}\"");
        Expect(recovered.MaskedEmail == "j***n@e*****e.com", "masked address shown");

        Step("Forgot your password? Email address and captcha, then Retrieve");
        var requested = await accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, Captcha, client));
        Says(requested.Message);
        await WhenMailSentAsync();
        var resetMail = LastMail(Email, AccountMessageKind.PasswordReset);
        Note($"Email to {Email}: \"{resetMail.Subject}\"");
        Note($"Link behind \"change your password now\": {resetMail.Link}");
        var token = resetMail.Link?.AbsoluteUri.Split("token=")[^1];
        Expect(token is not null, "reset link mailed");

        Step("New password and Confirm new password that do not match, then Update Password");
        var mismatch = await accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword + "!", client));
        Says(mismatch.Message);
        Expect(mismatch.Status == ResetPasswordStatus.InvalidPassword, "mismatch reported, link still valid");

        Step("Matching New password and Confirm new password, then Update Password");
        var reset = await accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword, client));
        Says(reset.Message);
        await WhenMailSentAsync();
        Note($"Email to {Email}: \"{LastMail(Email, AccountMessageKind.PasswordChanged).Subject}\"");
        Expect(reset.Succeeded, "Password Changed");

        Step("The same link again");
        var reused = await accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword, client));
        Says(reused.Message);
        Expect(reused.Status == ResetPasswordStatus.InvalidLink, "single use");

        Step("Sign In with the new password");
        var signedIn = await accounts.SignInAsync(new SignInRequest(Email, NewPassword));
        Says(signedIn.Message);
        var session = signedIn.SessionToken is null ? null : await accounts.ValidateSessionAsync(signedIn.SessionToken);
        Note($"Session for {session?.Email}, idle expiry {session?.ExpiresAt:u}");
        Expect(signedIn.Succeeded && session is not null, "signed in with a session");

        Step("A serial number that starts with T (bought from Best Buy or an ISP)");
        await accounts.ActivateProductAsync(new ProductActivationRequest("TBBY-2222-3333-4444-5555", "TIS-2016"));
        var reseller = await accounts.RegisterAsync(new RegistrationRequest("TBBY-2222-3333-4444-5555", "jane@example.com", Password, Password, Captcha, client));
        Says(reseller.Message);
        Expect(reseller.Status == RegistrationStatus.ResellerSerial, "reseller guidance");

        Step("A serial number whose program was not installed and activated yet");
        var notActivated = await accounts.RegisterAsync(new RegistrationRequest("WXYZ-9876-5432-1098-7654", "jane@example.com", Password, Password, Captcha, client));
        Says(notActivated.Message);
        Expect(notActivated.Status == RegistrationStatus.SerialNotActivated, "install and activate first");

        Step("Troubleshooter: changed my email address and forgot my password");
        var report = await troubleshooter.DiagnoseAsync(new TroubleshootingRequest
        {
            Email = " john.new@example.org",
            Serial = Serial,
            ForgotPassword = true,
            ChangedEmailAddress = true,
        });
        foreach (var item in report.Steps)
        {
            Note($"[{item.Code}] {item.Title}: {item.Instructions}");
        }

        Note($"Support case: {report.SupportCase?.Text}");
        Expect(report.NeedsTechnicalSupport, "only Technical Support can help");

        output.WriteLine();
        output.WriteLine(failures == 0 ? "Every step behaved as the article says." : $"{failures} step(s) did not behave as expected.");
        return failures == 0 ? 0 : 1;
    }
}
