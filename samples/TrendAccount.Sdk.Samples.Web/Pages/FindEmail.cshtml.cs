using Microsoft.AspNetCore.Mvc;
using TrendAccount.Sdk.Samples.Web.Infrastructure;

namespace TrendAccount.Sdk.Samples.Web.Pages;

public sealed class FindEmailModel : AccountPageModel
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
        NewChallenge();
        return Page();
    }
}
