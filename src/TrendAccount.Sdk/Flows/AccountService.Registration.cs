namespace TrendAccount.Sdk;

/// <content>Registration: an account for an activated serial, or the serial linked to an existing account.</content>
internal sealed partial class AccountService
{
    public async Task<RegistrationResult> RegisterAsync(Registration request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("Register");
        var serial = _serials.Classify(request.Serial);
        var email = _normalizer.NormalizeEmail(request.Email);
        var password = _normalizer.NormalizePassword(request.Password);
        var hints = serial.Hints | email.Hints | password.Hints;

        if (!serial.IsWellFormed)
        {
            return Refuse(new RegistrationResult { Status = RegistrationStatus.MalformedSerial, Message = _messages.MalformedSerial, Hints = hints, SerialProblem = serial.Problem }, activity);
        }

        if (!serial.SupportsAccount)
        {
            var contact = serial.ResellerContact ?? SerialOptions.DefaultResellerContact;
            return Refuse(new RegistrationResult { Status = RegistrationStatus.ResellerSerial, Message = _messages.ResellerSerial(contact), Hints = hints, ResellerContact = contact, Serial = serial.Serial }, activity);
        }

        var serialRecord = await _accounts.FindSerialAsync(serial.Serial!, cancellationToken).ConfigureAwait(false);
        if (serialRecord is null || !serialRecord.IsActivated)
        {
            return Refuse(new RegistrationResult { Status = RegistrationStatus.SerialNotActivated, Message = _messages.NotActivated, Hints = hints, Serial = serial.Serial }, activity);
        }

        if (serialRecord.AccountId is not null)
        {
            return Refuse(new RegistrationResult { Status = RegistrationStatus.SerialAlreadyRegistered, Message = _messages.SerialAlreadyRegistered, Hints = hints, Serial = serial.Serial }, activity);
        }

        if (!email.IsValid)
        {
            return Refuse(new RegistrationResult { Status = RegistrationStatus.InvalidEmail, Message = _messages.DescribeEmailProblem(email.Problem), Hints = hints, EmailProblem = email.Problem, Serial = serial.Serial }, activity);
        }

        var validation = string.IsNullOrEmpty(request.Password) || request.Password.Length > MaximumPasswordInputLength
            ? PasswordValidation.FromProblems([string.IsNullOrEmpty(request.Password) ? PasswordProblem.TooShort : PasswordProblem.TooLong])
            : _policy.Validate(request.Password, request.Confirmation ?? string.Empty, new PasswordContext(email.Email, serial.Serial));

        // Breach screening (#14): after the policy, before the address is looked up, so the answer is the same
        // whether or not the address has an account.
        validation = await _breachCheck.ApplyAsync(validation, request.Password, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return Refuse(new RegistrationResult { Status = RegistrationStatus.InvalidPassword, Message = DescribePasswordProblems(validation.Problems), Hints = hints, PasswordProblems = validation.Problems, Serial = serial.Serial }, activity);
        }

        var now = _time.GetUtcNow();
        var existing = await _accounts.FindByLookupKeyAsync(email.LookupKey!, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return await CreateAccountAsync(email, serial.Serial!, request.Password!, hints, now, activity, cancellationToken).ConfigureAwait(false);
        }

        return await LinkToExistingAsync(existing, serial.Serial!, request.Password!, hints, now, activity, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RegistrationResult> CreateAccountAsync(EmailNormalization email, string serial, string password, InputHints hints, DateTimeOffset now, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        var account = new AccountRecord
        {
            Id = Guid.NewGuid(),
            Email = email.Email!,
            LookupKey = email.LookupKey!,
            PasswordHash = _hasher.HashPassword(password),
            SecurityStamp = AccountRecord.NewSecurityStamp(),
            CreatedAt = now,
        };
        var status = await _accounts.CreateWithSerialAsync(account, serial, now, cancellationToken).ConfigureAwait(false);
        switch (status)
        {
            case StoreWriteStatus.Succeeded:
                _metrics.Registration("registered");
                Log.AccountRegistered(_logger, account.Id, Redaction.MaskEmail(account.Email), Redaction.MaskSerial(serial));
                activity.SetOutcome("registered", true);
                return new RegistrationResult { Status = RegistrationStatus.Registered, Message = _messages.Registered, Hints = hints, Serial = serial, AccountId = account.Id };
            case StoreWriteStatus.SerialAlreadyLinked:
                return Refuse(new RegistrationResult { Status = RegistrationStatus.SerialAlreadyRegistered, Message = _messages.SerialAlreadyRegistered, Hints = hints, Serial = serial }, activity);
            case StoreWriteStatus.NotFound or StoreWriteStatus.SerialNotActivated:
                return Refuse(new RegistrationResult { Status = RegistrationStatus.SerialNotActivated, Message = _messages.NotActivated, Hints = hints, Serial = serial }, activity);
            default:
                // DuplicateEmail: another registration of the same address won a race. Same answer as an
                // existing address with another password: registration never tells which addresses exist.
                return RefuseGenerically(RegistrationRefusal.DuplicateEmailRace, email.Email!, hints, serial, activity);
        }
    }

    private async Task<RegistrationResult> LinkToExistingAsync(AccountRecord existing, string serial, string password, InputHints hints, DateTimeOffset now, System.Diagnostics.Activity? activity, CancellationToken cancellationToken)
    {
        // Proving the existing account's password is a sign-in in disguise: same lockout, same single verification.
        if (_options.Lockout.Enabled && existing.IsLockedOutAt(now))
        {
            VerifyAgainstDummy(password);
            return RefuseGenerically(RegistrationRefusal.ExistingAccountLockedOut, existing.Email, hints, serial, activity);
        }

        var verification = _hasher.VerifyHashedPassword(existing.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(existing, now, cancellationToken).ConfigureAwait(false);
            return RefuseGenerically(RegistrationRefusal.ExistingAccountWrongPassword, existing.Email, hints, serial, activity);
        }

        var status = await _accounts.LinkSerialAsync(serial, existing.Id, now, cancellationToken).ConfigureAwait(false);
        switch (status)
        {
            case StoreWriteStatus.Succeeded:
                if (existing.FailedSignInCount > 0)
                {
                    await _accounts.ResetFailedSignInsAsync(existing.Id, cancellationToken).ConfigureAwait(false);
                }

                if (verification == PasswordVerificationResult.SuccessRehashNeeded)
                {
                    await UpgradeHashAsync(existing, password, cancellationToken).ConfigureAwait(false);
                }

                _metrics.Registration("linked");
                Log.SerialLinkedToAccount(_logger, existing.Id, Redaction.MaskEmail(existing.Email), Redaction.MaskSerial(serial));
                activity.SetOutcome("linked", true);
                return new RegistrationResult { Status = RegistrationStatus.LinkedToExistingAccount, Message = _messages.SerialLinked, Hints = hints, Serial = serial, AccountId = existing.Id };
            case StoreWriteStatus.SerialAlreadyLinked:
                return Refuse(new RegistrationResult { Status = RegistrationStatus.SerialAlreadyRegistered, Message = _messages.SerialAlreadyRegistered, Hints = hints, Serial = serial }, activity);
            case StoreWriteStatus.SerialNotActivated:
                return Refuse(new RegistrationResult { Status = RegistrationStatus.SerialNotActivated, Message = _messages.NotActivated, Hints = hints, Serial = serial }, activity);
            default:
                return RefuseGenerically(RegistrationRefusal.AccountVanished, existing.Email, hints, serial, activity);
        }
    }

    private RegistrationResult Refuse(RegistrationResult result, System.Diagnostics.Activity? activity)
    {
        var outcome = Outcomes.Of(result.Status);
        _metrics.Registration(outcome);
        Log.RegistrationRejected(_logger, result.Status);
        activity.SetOutcome(outcome, false);
        return result;
    }

    private RegistrationResult RefuseGenerically(RegistrationRefusal reason, string email, InputHints hints, string serial, System.Diagnostics.Activity? activity)
    {
        _metrics.Registration(Outcomes.Of(reason));
        Log.RegistrationRefused(_logger, reason, Redaction.MaskEmail(email));
        activity.SetOutcome("failed", false);
        return new RegistrationResult { Status = RegistrationStatus.Failed, Message = _messages.RegistrationFailed, Hints = hints, Serial = serial };
    }
}
