using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// Product activation (the activation backend records a serial) and registration (an account for an activated
/// serial, or the serial linked to an existing account given that account's password). Registration never tells
/// which addresses have accounts. One per container; thread-safe.
/// </summary>
internal sealed class RegistrationHandler
{
    private readonly FlowContext _context;
    private readonly SerialClassifier _serials;
    private readonly CredentialNormalizer _normalizer;
    private readonly IAccountStore _accounts;
    private readonly CredentialVerifier _verifier;
    private readonly NewPasswordService _newPasswords;
    private readonly ILogger _logger;

    public RegistrationHandler(
        FlowContext context,
        SerialClassifier serials,
        CredentialNormalizer normalizer,
        IAccountStore accounts,
        CredentialVerifier verifier,
        NewPasswordService newPasswords,
        ILogger<RegistrationHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(serials);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(newPasswords);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _serials = serials;
        _normalizer = normalizer;
        _accounts = accounts;
        _verifier = verifier;
        _newPasswords = newPasswords;
        _logger = logger;
    }

    private TrendAccountMessages Messages => _context.Messages;

    public async Task<ProductActivationResult> ActivateProductAsync(ProductActivationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("ActivateProduct");
        var serial = _serials.Classify(request.Serial);
        if (!serial.IsWellFormed)
        {
            return Activation(new ProductActivationResult { Status = ProductActivationStatus.MalformedSerial, Message = Messages.MalformedSerial, Hints = serial.Hints }, activity);
        }

        var productCode = string.IsNullOrWhiteSpace(request.ProductCode) ? null : request.ProductCode.Trim();
        if (productCode is not null && (productCode.Length > ProductActivationRequest.MaximumProductCodeLength || productCode.Any(c => char.IsControl(c) || char.IsSurrogate(c))))
        {
            return Activation(new ProductActivationResult { Status = ProductActivationStatus.InvalidProductCode, Message = Messages.InvalidProductCode, Hints = serial.Hints, Serial = serial.Serial, Channel = serial.Channel }, activity);
        }

        await _accounts.RecordActivationAsync(serial.Serial!, serial.Channel, productCode, _context.Now, cancellationToken).ConfigureAwait(false);
        Log.ProductActivated(_logger, Redaction.MaskSerial(serial.Serial), serial.Channel);
        if (!serial.SupportsAccount)
        {
            var contact = ResellerContact(serial);
            return Activation(
                new ProductActivationResult
                {
                    Status = ProductActivationStatus.SucceededWithoutAccount,
                    Message = Messages.ProductActivatedWithoutAccount(contact),
                    Hints = serial.Hints,
                    Serial = serial.Serial,
                    Channel = serial.Channel,
                    ResellerContact = contact,
                },
                activity);
        }

        return Activation(new ProductActivationResult { Status = ProductActivationStatus.Succeeded, Message = Messages.ProductActivated, Hints = serial.Hints, Serial = serial.Serial, Channel = serial.Channel }, activity);
    }

    public async Task<RegistrationResult> RegisterAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("Register");
        var serial = _serials.Classify(request.Serial);
        var email = _normalizer.NormalizeEmail(request.Email);
        var password = _normalizer.NormalizePassword(request.Password);
        var hints = serial.Hints | email.Hints | password.Hints;

        if (!serial.IsWellFormed)
        {
            return Refuse(new RegistrationResult { Status = RegistrationStatus.MalformedSerial, Message = Messages.MalformedSerial, Hints = hints, SerialProblem = serial.Problem }, activity);
        }

        if (!serial.SupportsAccount)
        {
            var contact = ResellerContact(serial);
            return Refuse(new RegistrationResult { Status = RegistrationStatus.ResellerSerial, Message = Messages.ResellerSerial(contact), Hints = hints, ResellerContact = contact, Serial = serial.Serial }, activity);
        }

        var serialRecord = await _accounts.FindSerialAsync(serial.Serial!, cancellationToken).ConfigureAwait(false);
        if (serialRecord is null || !serialRecord.IsActivated)
        {
            return Refuse(NotActivated(hints, serial.Serial!), activity);
        }

        if (serialRecord.AccountId is not null)
        {
            return Refuse(AlreadyRegistered(hints, serial.Serial!), activity);
        }

        if (!email.IsValid)
        {
            return Refuse(new RegistrationResult { Status = RegistrationStatus.InvalidEmail, Message = Messages.DescribeEmailProblem(email.Problem), Hints = hints, EmailProblem = email.Problem, Serial = serial.Serial }, activity);
        }

        var confirmation = _normalizer.NormalizePassword(request.Confirmation ?? string.Empty);
        var validation = await _newPasswords.ValidateAsync(password, confirmation, email.Email!, [serial.Serial!], cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return Refuse(new RegistrationResult { Status = RegistrationStatus.InvalidPassword, Message = _context.DescribePasswordProblems(validation.Problems), Hints = hints, PasswordProblems = validation.Problems, Serial = serial.Serial }, activity);
        }

        var existing = await _accounts.FindByLookupKeyAsync(email.LookupKey!, cancellationToken).ConfigureAwait(false);
        return existing is null
            ? await CreateAccountAsync(email, serial.Serial!, password, hints, activity, cancellationToken).ConfigureAwait(false)
            : await LinkToExistingAsync(existing, serial.Serial!, password, hints, activity, cancellationToken).ConfigureAwait(false);
    }

    private static string ResellerContact(SerialClassification serial) => serial.ResellerContact ?? SerialOptions.DefaultResellerContact;

    private async Task<RegistrationResult> CreateAccountAsync(EmailNormalization email, string serial, PasswordInput password, InputHints hints, Activity? activity, CancellationToken cancellationToken)
    {
        var now = _context.Now;
        var account = new AccountRecord
        {
            Id = Guid.NewGuid(),
            Email = email.Email!,
            LookupKey = email.LookupKey!,
            PasswordHash = _newPasswords.Hash(password),
            SecurityStamp = AccountRecord.NewSecurityStamp(),
            CreatedAt = now,
        };
        var status = await _accounts.CreateWithSerialAsync(account, serial, now, cancellationToken).ConfigureAwait(false);
        switch (status)
        {
            case StoreWriteStatus.Succeeded:
                _context.Metrics.Registration("registered");
                Log.AccountRegistered(_logger, account.Id, Redaction.MaskEmail(account.Email), Redaction.MaskSerial(serial));
                activity.SetOutcome("registered", true);
                return new RegistrationResult { Status = RegistrationStatus.Succeeded, Message = Messages.Registered, Hints = hints, Serial = serial, AccountId = account.Id };
            case StoreWriteStatus.SerialAlreadyLinked:
                return Refuse(AlreadyRegistered(hints, serial), activity);
            case StoreWriteStatus.NotFound or StoreWriteStatus.SerialNotActivated:
                return Refuse(NotActivated(hints, serial), activity);
            default:
                // DuplicateEmail: another registration of the same address won a race. Same answer as an
                // existing address with another password: registration never tells which addresses exist.
                return RefuseGenerically(RegistrationRefusal.DuplicateEmailRace, email.Email!, hints, serial, activity);
        }
    }

    private async Task<RegistrationResult> LinkToExistingAsync(AccountRecord existing, string serial, PasswordInput password, InputHints hints, Activity? activity, CancellationToken cancellationToken)
    {
        // Proving the existing account's password is a sign-in in disguise: same lockout, same single verification.
        var check = await _verifier.VerifyAsync(existing, password, cancellationToken).ConfigureAwait(false);
        if (check == CredentialCheck.LockedOut)
        {
            return RefuseGenerically(RegistrationRefusal.ExistingAccountLockedOut, existing.Email, hints, serial, activity);
        }

        if (check == CredentialCheck.WrongPassword)
        {
            return RefuseGenerically(RegistrationRefusal.ExistingAccountWrongPassword, existing.Email, hints, serial, activity);
        }

        var status = await _accounts.LinkSerialAsync(serial, existing.Id, _context.Now, cancellationToken).ConfigureAwait(false);
        switch (status)
        {
            case StoreWriteStatus.Succeeded:
                await _verifier.RecordSuccessAsync(existing, password, check, cancellationToken).ConfigureAwait(false);
                _context.Metrics.Registration("linked");
                Log.SerialLinkedToAccount(_logger, existing.Id, Redaction.MaskEmail(existing.Email), Redaction.MaskSerial(serial));
                activity.SetOutcome("linked", true);
                return new RegistrationResult { Status = RegistrationStatus.LinkedToExistingAccount, Message = Messages.SerialLinked, Hints = hints, Serial = serial, AccountId = existing.Id };
            case StoreWriteStatus.SerialAlreadyLinked:
                return Refuse(AlreadyRegistered(hints, serial), activity);
            case StoreWriteStatus.SerialNotActivated:
                return Refuse(NotActivated(hints, serial), activity);
            default:
                return RefuseGenerically(RegistrationRefusal.AccountVanished, existing.Email, hints, serial, activity);
        }
    }

    private RegistrationResult NotActivated(InputHints hints, string serial) =>
        new() { Status = RegistrationStatus.SerialNotActivated, Message = Messages.NotActivated, Hints = hints, Serial = serial };

    private RegistrationResult AlreadyRegistered(InputHints hints, string serial) =>
        new() { Status = RegistrationStatus.SerialAlreadyRegistered, Message = Messages.SerialAlreadyRegistered, Hints = hints, Serial = serial };

    private ProductActivationResult Activation(ProductActivationResult result, Activity? activity)
    {
        if (!result.Succeeded)
        {
            Log.ActivationRejected(_logger, result.Status);
        }

        activity.SetOutcome(
            result.Status switch
            {
                ProductActivationStatus.Succeeded => "activated",
                ProductActivationStatus.SucceededWithoutAccount => "activated_without_account",
                _ => Outcomes.Of(result.Status),
            },
            result.Succeeded);
        return result;
    }

    private RegistrationResult Refuse(RegistrationResult result, Activity? activity)
    {
        var outcome = Outcomes.Of(result.Status);
        _context.Metrics.Registration(outcome);
        Log.RegistrationRejected(_logger, result.Status);
        activity.SetOutcome(outcome, false);
        return result;
    }

    private RegistrationResult RefuseGenerically(RegistrationRefusal reason, string email, InputHints hints, string serial, Activity? activity)
    {
        _context.Metrics.Registration(Outcomes.Of(reason));
        Log.RegistrationRefused(_logger, reason, Redaction.MaskEmail(email));
        activity.SetOutcome("failed", false);
        return new RegistrationResult { Status = RegistrationStatus.Failed, Message = Messages.RegistrationFailed, Hints = hints, Serial = serial };
    }
}
