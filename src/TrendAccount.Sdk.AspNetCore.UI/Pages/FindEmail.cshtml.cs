using Microsoft.AspNetCore.Mvc;

namespace TrendAccount.Sdk.AspNetCore.UI.Pages;

internal sealed class FindEmailModel : AccountPageModel
{
    [BindProperty]
    public string? Serial { get; set; }

    /// <summary>Gets a value indicating whether the form shows the captcha step.</summary>
    public bool AsksCaptcha => true;

    public void OnGet() => NewChallenge();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, CaptchaResponse(), Client), HttpContext.RequestAborted);
        var kind = result.Status switch
        {
            EmailRecoveryStatus.Succeeded => "ok",
            EmailRecoveryStatus.ResellerSerial or EmailRecoveryStatus.SerialNotActivated or EmailRecoveryStatus.SerialNotRegistered => "info",
            _ => "error",
        };
        Show(result.Message, kind, HintText(result.Hints));
        if (result.Status == EmailRecoveryStatus.CaptchaFailed)
        {
            MarkInvalid(CaptchaField);
        }
        else if (result.Status == EmailRecoveryStatus.MalformedSerial)
        {
            MarkInvalid(nameof(Serial));
        }

        NewChallenge();
        return Page();
    }
}
