using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.Samples.Web.Infrastructure;

namespace TrendAccount.Sdk.Samples.Web.Pages;

public sealed class RegisterModel(IOptions<TrendAccountOptions> options, SampleSettings settings) : AccountPageModel
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

    public bool Development => settings.Development;

    public string SeedSerial => settings.SeedSerial;

    public string LengthRule => Messages.PasswordLength(options.Value.Password.MinimumLength, options.Value.Password.MaximumLength);

    public void OnGet() => NewChallenge();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Accounts.RegisterAsync(new RegistrationRequest(Serial, Email, Password, ConfirmPassword, CaptchaResponse(), Client), HttpContext.RequestAborted);
        Password = null;
        ConfirmPassword = null;
        Sent = result.Succeeded;
        // The message already describes the password problems; the details add only what was noticed about the input.
        Show(result.Message, Sent ? "ok" : "error", HintText(result.Hints));
        if (!Sent)
        {
            NewChallenge();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostActivateAsync()
    {
        if (!settings.Development)
        {
            return NotFound();
        }

        NewChallenge();
        var result = await Accounts.ActivateProductAsync(new ProductActivationRequest(ActivateSerial), HttpContext.RequestAborted);
        Show(result.Message, result.Succeeded ? "ok" : "error", HintText(result.Hints));
        if (result.Succeeded && result.Channel != PurchaseChannel.Reseller)
        {
            Serial = result.Serial;
        }

        return Page();
    }
}
