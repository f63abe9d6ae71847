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

    public bool Registered { get; private set; }

    public bool Development => settings.Development;

    public string SeedSerial => settings.SeedSerial;

    public string LengthRule => Messages.PasswordLength(options.Value.Password.MinimumLength, options.Value.Password.MaximumLength);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Accounts.RegisterAsync(new RegistrationRequest(Serial, Email, Password, ConfirmPassword), HttpContext.RequestAborted);
        Password = null;
        ConfirmPassword = null;
        Registered = result.Succeeded;
        // The message already describes the password problems; the details add only what was noticed about the input.
        Show(result.Message, Registered ? "ok" : "error", HintText(result.Hints));
        return Page();
    }

    public async Task<IActionResult> OnPostActivateAsync()
    {
        if (!settings.Development)
        {
            return NotFound();
        }

        var result = await Accounts.ActivateProductAsync(new ProductActivationRequest(ActivateSerial), HttpContext.RequestAborted);
        Show(result.Message, result.Succeeded ? "ok" : "error", HintText(result.Hints));
        if (result.Succeeded && result.Channel != PurchaseChannel.Reseller)
        {
            Serial = result.Serial;
        }

        return Page();
    }
}
