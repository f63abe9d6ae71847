using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// Product activation (the activation backend records a serial) and registration (a request to create an account
/// for an activated serial). Registration answers the same for every acceptable request, "check your email", and
/// never tells which addresses have accounts: the mailbox learns the rest (<see cref="RegistrationGate"/>, <see cref="RegistrationMailIssuer"/>),
/// and the account exists only once the link is used (<see cref="ConfirmRegistrationHandler"/>). It verifies no
/// password, so no registration counts toward anyone's lockout. One per container; thread-safe.
/// </summary>
internal sealed class RegistrationHandler
{
    private readonly FlowContext _context;
    private readonly SerialClassifier _serials;
    private readonly CredentialNormalizer _normalizer;
    private readonly IAccountStore _accounts;
    private readonly NewPasswordService _newPasswords;
    private readonly RegistrationGate _gate;
    private readonly ILogger _logger;

    public RegistrationHandler(
        FlowContext context,
        SerialClassifier serials,
        CredentialNormalizer normalizer,
        IAccountStore accounts,
        NewPasswordService newPasswords,
        RegistrationGate gate,
        ILogger<RegistrationHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(serials);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(newPasswords);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _serials = serials;
        _normalizer = normalizer;
        _accounts = accounts;
        _newPasswords = newPasswords;
        _gate = gate;
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

        // The captcha, then the client's limit (RegistrationGate): a refused request looks nothing up and hashes nothing.
        switch (await _gate.AdmitAsync(request, cancellationToken).ConfigureAwait(false))
        {
            case RegistrationStatus.CaptchaFailed:
                return Refuse(new RegistrationResult { Status = RegistrationStatus.CaptchaFailed, Message = Messages.CaptchaFailed }, activity);
            case RegistrationStatus.TooManyAttempts:
                return Refuse(new RegistrationResult { Status = RegistrationStatus.TooManyAttempts, Message = Messages.TooManyAttempts }, activity);
        }

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

        // The serial's state is the customer's own business (they hold it); the address's state is not told.
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

        // Hashed on the response path for every acceptable request, new address or not: the same work either way,
        // and the plain password never waits in a queue.
        var pending = new PendingRegistration(email.Email!, email.LookupKey!, _newPasswords.Hash(password), serial.Serial!);
        var maskedEmail = Redaction.MaskEmail(email.Email);

        // Only a request that will send a mail charges the address's window; over it, the same answer and no mail.
        if (await _gate.TrySendAsync(pending, cancellationToken).ConfigureAwait(false))
        {
            Log.RegistrationAccepted(_logger, maskedEmail, Redaction.MaskSerial(serial.Serial));
            _context.Metrics.Registration("accepted");
        }
        else
        {
            Log.RegistrationMailRateLimited(_logger, maskedEmail);
            _context.Metrics.Registration("address_rate_limited");
        }

        activity.SetOutcome("accepted", true);
        return new RegistrationResult { Status = RegistrationStatus.Accepted, Message = Messages.RegistrationAccepted, Hints = hints, Serial = serial.Serial };
    }

    private static string ResellerContact(SerialClassification serial) => serial.ResellerContact ?? SerialOptions.DefaultResellerContact;

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
}
