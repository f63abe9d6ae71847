using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore.UI.Pages;

internal sealed class RegisterModel(IOptions<TrendAccountOptions> options, IOptions<TrendAccountUIOptions> ui) : AccountPageModel
{
    [BindProperty]
    public string? Serial { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [BindProperty]
    public string? ActivateSerial { get; set; }

    /// <summary>Gets a value indicating whether the request was accepted ("check your email", whatever the address).</summary>
    public bool Sent { get; private set; }

    public bool Development => ui.Value.DevelopmentActivation;

    public string? ActivationHint => ui.Value.ActivationHint;

    public string LengthRule => Messages.PasswordLength(options.Value.Password.MinimumLength, options.Value.Password.MaximumLength);

    public void OnGet() => NewChallenge();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Accounts.RegisterAsync(new RegistrationRequest(Serial, Email, Password, ConfirmPassword, CaptchaResponse(), Client), HttpContext.RequestAborted);
        Password = null;
        ConfirmPassword = null;
        Sent = result.Succeeded;
        // The message already names every password problem: listing them again would read each twice.
        Show(result.Message, Sent ? "ok" : "error", HintText(result.Hints));
        if (!Sent)
        {
            NewChallenge();
            MarkInvalid(FieldsAbout(result));
        }

        return Page();
    }

    private static string[] FieldsAbout(RegistrationResult result) => result.Status switch
    {
        RegistrationStatus.MalformedSerial or RegistrationStatus.ResellerSerial or RegistrationStatus.SerialNotActivated or RegistrationStatus.SerialAlreadyRegistered => [nameof(Serial)],
        RegistrationStatus.InvalidEmail => [nameof(Email)],
        RegistrationStatus.InvalidPassword => result.PasswordProblems.All(p => p == PasswordProblem.ConfirmationMismatch)
            ? [nameof(ConfirmPassword)]
            : result.PasswordProblems.Contains(PasswordProblem.ConfirmationMismatch) ? [nameof(Password), nameof(ConfirmPassword)] : [nameof(Password)],
        RegistrationStatus.CaptchaFailed => [],
        _ => [nameof(Email), nameof(Password)],
    };

    public async Task<IActionResult> OnPostActivateAsync()
    {
        if (!Development)
        {
            return NotFound();
        }

        NewChallenge();
        var result = await Accounts.ActivateProductAsync(new ProductActivationRequest(ActivateSerial), HttpContext.RequestAborted);
        Show(result.Message, result.Succeeded ? "ok" : "error", HintText(result.Hints));
        if (!result.Succeeded)
        {
            MarkInvalid(nameof(ActivateSerial));
        }

        if (result.Succeeded && result.Channel != PurchaseChannel.Reseller)
        {
            Serial = result.Serial;
        }

        return Page();
    }
}
