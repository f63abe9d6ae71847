namespace TrendAccount.Sdk.Tests.Registration;

public sealed class RegistrationTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Second = "WXYZ-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task RegisterAsync_NewAddress_AnswersCheckYourEmailAndCreatesNothingUntilConfirmed()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, " John@Example.com", Password));
        await host.Work.WhenIdleAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(RegistrationStatus.Accepted, result.Status);
        Assert.Equal(TrendAccountMessages.Default.RegistrationAccepted, result.Message);
        Assert.True(result.Hints.HasFlag(InputHints.SurroundingWhitespace));
        Assert.Equal(0, host.Store.AccountCount);
        Assert.Null((await host.Store.FindSerialAsync(Serial, CancellationToken.None))!.AccountId);
        var mail = Assert.Single(host.Mailer.Messages);
        Assert.Equal(AccountMessageKind.RegistrationConfirmation, mail.Kind);
        Assert.Equal(Email, mail.To, ignoreCase: true);
        Assert.StartsWith(FlowHost.RegistrationBase.AbsoluteUri, mail.Link!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmRegistrationAsync_MailedLink_CreatesAccountLinkedToSerial()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));
        await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Password));
        var token = await host.ConfirmationTokenAsync(Email);
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var result = await host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(token));

        Assert.True(result.Succeeded);
        Assert.Equal(ConfirmRegistrationStatus.Succeeded, result.Status);
        Assert.Equal(TrendAccountMessages.Default.Registered, result.Message);
        Assert.Equal(Serial, result.Serial);
        var account = await host.AccountAsync(Email);
        Assert.Equal(result.AccountId, account.Id);
        Assert.Equal(FlowHost.Start.AddMinutes(5), account.CreatedAt);
        Assert.Equal(account.Id, (await host.Store.FindSerialAsync(Serial, CancellationToken.None))!.AccountId);
        Assert.DoesNotContain(Password, account.PasswordHash, StringComparison.Ordinal);
        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
    }

    [Fact]
    public async Task ConfirmRegistrationAsync_LinkUsedTwice_SecondIsInvalid()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));
        await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Password));
        var token = await host.ConfirmationTokenAsync(Email);

        var first = await host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(token));
        var second = await host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(token));

        Assert.True(first.Succeeded);
        Assert.Equal(ConfirmRegistrationStatus.InvalidLink, second.Status);
        Assert.Equal(TrendAccountMessages.Default.RegistrationLinkInvalid, second.Message);
        Assert.Equal(1, host.Store.AccountCount);
    }

    [Fact]
    public async Task ConfirmRegistrationAsync_ConcurrentClicks_CreateExactlyOneAccount()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));
        await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Password));
        var token = await host.ConfirmationTokenAsync(Email);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(token)))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ConfirmRegistrationStatus.InvalidLink, r.Status));
        Assert.Equal(1, host.Store.AccountCount);
    }

    [Fact]
    public async Task ConfirmRegistrationAsync_AfterLifetime_InvalidAndNothingCreated()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));
        await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Password));
        var token = await host.ConfirmationTokenAsync(Email);
        host.Time.Advance(TokenOptions.DefaultRegistrationConfirmationLifetime);

        var result = await host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(token));

        Assert.Equal(ConfirmRegistrationStatus.InvalidLink, result.Status);
        Assert.Equal(0, host.Store.AccountCount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ConfirmRegistrationAsync_UnknownOrMalformedToken_Invalid(string? token)
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(token));

        Assert.Equal(ConfirmRegistrationStatus.InvalidLink, result.Status);
    }

    [Fact]
    public async Task ConfirmRegistrationAsync_ResetTokenPresented_Invalid()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var reset = await host.RequestResetTokenAsync(Email);

        var result = await host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(reset));

        Assert.Equal(ConfirmRegistrationStatus.InvalidLink, result.Status);
        Assert.True(await host.Accounts.IsPasswordResetLinkValidAsync(reset));
    }

    [Fact]
    public async Task ConfirmRegistrationAsync_StoredTokenHoldsOnlyTheDigest()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));
        await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Password));
        var token = (await host.ConfirmationTokenAsync(Email))!;

        var record = await host.Tokens.FindAsync(SecureTokens.TryComputeDigest(token)!, CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equal(TokenPurpose.RegistrationConfirmation, record.Purpose);
        Assert.DoesNotContain(token, record.Digest, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, record.Payload!, StringComparison.Ordinal);
        Assert.Equal(FlowHost.Start + TokenOptions.DefaultRegistrationConfirmationLifetime, record.ExpiresAt);
    }

    [Fact]
    public async Task ConfirmRegistrationAsync_TwoPendingForOneAddress_SecondSaysAccountExists()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Second));
        await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Password));
        var first = await host.ConfirmationTokenAsync(Email);
        await host.Accounts.RegisterAsync(FlowHost.Registration(Second, Email, Password));
        var second = await host.ConfirmationTokenAsync(Email);
        Assert.NotEqual(first, second);

        Assert.True((await host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(second))).Succeeded);
        var late = await host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(first));

        Assert.Equal(ConfirmRegistrationStatus.AccountAlreadyExists, late.Status);
        Assert.Equal(1, host.Store.AccountCount);
        Assert.Null((await host.Store.FindSerialAsync(Serial, CancellationToken.None))!.AccountId);
    }

    [Fact]
    public async Task ConfirmRegistrationAsync_SerialTakenMeanwhile_SaysSoAndCreatesNothing()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));
        await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Password));
        var mine = await host.ConfirmationTokenAsync(Email);
        await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, "jane@example.com", Password));
        var theirs = await host.ConfirmationTokenAsync("jane@example.com");
        Assert.True((await host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(theirs))).Succeeded);

        var result = await host.Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(mine));

        Assert.Equal(ConfirmRegistrationStatus.SerialAlreadyRegistered, result.Status);
        Assert.Equal(1, host.Store.AccountCount);
    }

    [Fact]
    public async Task RegisterAsync_CaptchaNotSolved_RefusedBeforeAnythingIsLookedUpOrCounted()
    {
        await using var host = FlowHost.Create(o => o.RateLimits.RegistrationPerClient.PermitLimit = 1);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        for (var i = 0; i < 5; i++)
        {
            var refused = await host.Accounts.RegisterAsync(new RegistrationRequest(Serial, Email, Password, Password, "wrong", new ClientContext("192.0.2.1")));
            Assert.Equal(RegistrationStatus.CaptchaFailed, refused.Status);
            Assert.Equal(TrendAccountMessages.Default.CaptchaFailed, refused.Message);
        }

        // The failed captchas spent nothing: the client's one registration still goes through.
        Assert.Equal(RegistrationStatus.Accepted, (await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Password))).Status);
    }

    [Fact]
    public async Task RegisterAsync_OverThePerClientLimit_TooManyAttemptsForThatClientOnly()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));
        var limit = new RateLimitOptions().RegistrationPerClient.PermitLimit;

        for (var i = 0; i < limit; i++)
        {
            Assert.Equal(RegistrationStatus.Accepted, (await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, $"user{i}@example.com", Password))).Status);
        }

        var over = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, "late@example.com", Password));
        var other = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, "late@example.com", Password, ip: "198.51.100.7"));
        host.Time.Advance(TimeSpan.FromMinutes(15));
        var later = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, "later@example.com", Password));

        Assert.Equal(RegistrationStatus.TooManyAttempts, over.Status);
        Assert.Equal(TrendAccountMessages.Default.TooManyAttempts, over.Message);
        Assert.Equal(RegistrationStatus.Accepted, other.Status);
        Assert.Equal(RegistrationStatus.Accepted, later.Status);
    }

    [Fact]
    public async Task RegisterAsync_ExistingAddress_SameAnswerNoticeMailedSerialNotLinked()
    {
        await using var host = FlowHost.Create();
        var first = await host.RegisterAsync(Serial, Email, Password);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Second));
        host.Mailer.Clear();

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration(Second, Email, Password));
        await host.Work.WhenIdleAsync();

        Assert.Equal(RegistrationStatus.Accepted, result.Status);
        Assert.Equal(TrendAccountMessages.Default.RegistrationAccepted, result.Message);
        var notice = Assert.Single(host.Mailer.Messages);
        Assert.Equal(AccountMessageKind.AccountExistsNotice, notice.Kind);
        Assert.Null(notice.Link);
        Assert.Contains("already have a Trend Micro Account", notice.TextBody, StringComparison.Ordinal);
        Assert.Null((await host.Store.FindSerialAsync(Second, CancellationToken.None))!.AccountId);
        Assert.Single(await host.Store.FindSerialsByAccountAsync(first.AccountId!.Value, CancellationToken.None));
    }

    /// <summary>
    /// Replays finding 3 of issue #11: with one activated serial, an attacker probes addresses. Before, an existing
    /// address answered Failed and a new one Registered, every probe verified the victim's password (counting toward
    /// the victim's lockout), and nothing limited it. Now every probe gets the same public result, the victim's
    /// failure count stays at zero, and the owner still signs in.
    /// </summary>
    [Fact]
    public async Task RegisterAsync_ProbingAddressesWithOneSerial_RevealsNothingAndNeverLocksTheVictim()
    {
        await using var host = FlowHost.Create(o => o.RateLimits.RegistrationPerClient.PermitLimit = 100);
        await host.RegisterAsync(Serial, Email, Password);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Second));
        host.Time.Advance(TimeSpan.FromMinutes(15));

        var victim = await host.Accounts.RegisterAsync(FlowHost.Registration(Second, Email, "attacker guess 1"));
        var stranger = await host.Accounts.RegisterAsync(FlowHost.Registration(Second, "nobody@example.com", "attacker guess 1"));
        for (var i = 2; i <= 20; i++)
        {
            await host.Accounts.RegisterAsync(FlowHost.Registration(Second, Email, $"attacker guess {i}"));
        }

        await host.Work.WhenIdleAsync();
        Assert.Equal((stranger.Status, stranger.Message, stranger.Hints, stranger.Serial), (victim.Status, victim.Message, victim.Hints, victim.Serial));
        Assert.Equal(RegistrationStatus.Accepted, victim.Status);
        Assert.Equal(0, (await host.AccountAsync(Email)).FailedSignInCount);
        Assert.Null((await host.AccountAsync(Email)).LockoutEnd);
        Assert.Null((await host.Store.FindSerialAsync(Second, CancellationToken.None))!.AccountId);
        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);

        // The mailboxes hear about it, within the address's mail limit: three notices to the victim, not twenty.
        Assert.Equal(new RateLimitOptions().RegistrationPerAddress.PermitLimit, host.Mailer.MessagesTo(Email).Count(m => m.Kind == AccountMessageKind.AccountExistsNotice));
        Assert.Equal(AccountMessageKind.RegistrationConfirmation, host.Mailer.LastMessageTo("nobody@example.com")!.Kind);
    }

    /// <summary>The answer costs the same work for a new and an existing address: one hash each, the look-up off the response path.</summary>
    [Fact]
    public async Task RegisterAsync_NewAndExistingAddress_HashOnceEachOnTheResponsePath()
    {
        var hasher = new CountingPasswordHasher(new BcryptPasswordHasher(new HashingOptions { WorkFactor = 4, AllowInsecureWorkFactorForTesting = true }));
        await using var host = FlowHost.Create(build: b => b.UsePasswordHasher(hasher));
        await host.RegisterAsync(Serial, Email, Password);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Second));

        var (hashes, verifications) = (hasher.HashCalls, hasher.VerifyCalls);
        await host.Accounts.RegisterAsync(FlowHost.Registration(Second, Email, "another good passphrase"));
        var existing = (Hashes: hasher.HashCalls - hashes, Verifications: hasher.VerifyCalls - verifications);
        (hashes, verifications) = (hasher.HashCalls, hasher.VerifyCalls);
        await host.Accounts.RegisterAsync(FlowHost.Registration(Second, "new@example.com", "another good passphrase"));
        var fresh = (Hashes: hasher.HashCalls - hashes, Verifications: hasher.VerifyCalls - verifications);

        Assert.Equal((1, 0), existing);
        Assert.Equal(existing, fresh);
    }

    [Fact]
    public async Task RegisterAsync_MalformedSerial_RefusedWithItsOwnStatus()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration("PQRS-12", Email, Password, Password));

        Assert.Equal(RegistrationStatus.MalformedSerial, result.Status);
        Assert.NotEqual(SerialProblem.None, result.SerialProblem);
        Assert.Equal(TrendAccountMessages.Default.MalformedSerial, result.Message);
    }

    [Fact]
    public async Task RegisterAsync_ResellerSerial_RefusedWithResellerContact()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest("TABC-1234-5678-9012-3456"));

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration("tabc-1234-5678-9012-3456", Email, Password, Password));

        Assert.Equal(RegistrationStatus.ResellerSerial, result.Status);
        Assert.Equal(SerialOptions.DefaultResellerContact, result.ResellerContact);
        Assert.Contains("Best Buy or your Internet Service Provider (ISP)", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Store.AccountCount);
    }

    [Fact]
    public async Task RegisterAsync_SerialNeverActivated_TellsToInstallAndActivateFirst()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Password, Password));

        Assert.Equal(RegistrationStatus.SerialNotActivated, result.Status);
        Assert.StartsWith("You must first install, then activate", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Store.AccountCount);
    }

    [Fact]
    public async Task RegisterAsync_InvalidEmail_RefusedWithProblemAndHints()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, "john@@example.com", Password, Password));

        Assert.Equal(RegistrationStatus.InvalidEmail, result.Status);
        Assert.NotEqual(EmailProblem.None, result.EmailProblem);
        Assert.Equal(TrendAccountMessages.Default.DescribeEmailProblem(result.EmailProblem), result.Message);
    }

    [Fact]
    public async Task RegisterAsync_BadPassword_ReportsEveryProblemAtOnce()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, "short", "shorter"));

        Assert.Equal(RegistrationStatus.InvalidPassword, result.Status);
        Assert.Contains(PasswordProblem.TooShort, result.PasswordProblems);
        Assert.Contains(PasswordProblem.ConfirmationMismatch, result.PasswordProblems);
        Assert.Contains("between 8 and 50 characters", result.Message, StringComparison.Ordinal);
        Assert.Contains("Confirm new password", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Store.AccountCount);
    }

    [Fact]
    public async Task RegisterAsync_PasswordIsTheEmailAddress_Refused()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Email, Email));

        Assert.Contains(PasswordProblem.ContainsAccountDetails, result.PasswordProblems);
    }

    [Fact]
    public async Task RegisterAsync_SerialAlreadyRegistered_SaysSo()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, "other@example.com", Password));

        Assert.Equal(RegistrationStatus.SerialAlreadyRegistered, result.Status);
        Assert.Equal(TrendAccountMessages.Default.SerialAlreadyRegistered, result.Message);
        Assert.Equal(1, host.Store.AccountCount);
    }

    [Fact]
    public void RegistrationAcceptedText_SaysNothingAboutWhetherTheAddressExists()
    {
        var text = TrendAccountMessages.Default.RegistrationAccepted;

        Assert.DoesNotContain("already", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("is taken", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("in use", text, StringComparison.OrdinalIgnoreCase);
    }
}
