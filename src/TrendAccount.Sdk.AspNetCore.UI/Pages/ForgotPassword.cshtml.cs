using Microsoft.AspNetCore.Mvc;

namespace TrendAccount.Sdk.AspNetCore.UI.Pages;

internal sealed class ForgotPasswordModel : AccountPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Gets a value indicating whether the request was accepted ("check your email", whatever the address).</summary>
    public bool Sent { get; private set; }

    public void OnGet() => NewChallenge();

    public async Task<IActionResult> OnPostAsync()
    {
        // The device cookie goes along as it does to sign-in: the owner's trusted device has its own budget.
        var request = new ForgotPasswordRequest(Email, CaptchaResponse(), Client) { DeviceToken = SignInManager.GetDeviceToken(HttpContext) };
        var result = await Accounts.RequestPasswordResetAsync(request, HttpContext.RequestAborted);
        Sent = result.Succeeded;
        Show(result.Message, Sent ? "ok" : "error", HintText(result.Hints));
        if (!Sent)
        {
            MarkInvalid(result.Status == ForgotPasswordStatus.CaptchaFailed ? CaptchaField : nameof(Email));
            NewChallenge();
        }

        return Page();
    }
}
