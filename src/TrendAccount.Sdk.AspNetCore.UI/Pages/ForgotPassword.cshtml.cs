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
        var result = await Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, CaptchaResponse(), Client), HttpContext.RequestAborted);
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
