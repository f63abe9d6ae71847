using Microsoft.AspNetCore.Mvc;

namespace TrendAccount.Sdk.AspNetCore.UI.Pages;

internal sealed class IndexModel : AccountPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Gets a value indicating whether the form shows the captcha step: the address's shared failure budget is spent for this untrusted client.</summary>
    public bool ShowCaptcha { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Account") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var captcha = CaptchaResponse();
        var result = await SignInManager.SignInAsync(HttpContext, Email, Password, captcha, HttpContext.RequestAborted);
        Password = null;
        if (result.Succeeded)
        {
            return RedirectToPage("/Account");
        }

        switch (result.Status)
        {
            case SignInStatus.TryAgainLater:
                // Busy or over the client's limit: nothing about the input, so no field is marked.
                Show(result.Message);
                return Page();
            case SignInStatus.CaptchaRequired:
                // The typed email stays; the password is asked for again with the captcha.
                ShowCaptcha = true;
                NewChallenge();
                MarkInvalid(CaptchaField, nameof(Password));
                Show(result.Message);
                return Page();
        }

        // A wrong password after a solved captcha: the budget is still spent, so the next attempt needs one too.
        if (!string.IsNullOrEmpty(captcha))
        {
            ShowCaptcha = true;
            NewChallenge();
        }

        MarkInvalid(nameof(Email), nameof(Password));

        // One generic message whatever the reason; the SDK's hints say only what the input itself showed.
        Show(result.Message, details: HintText(result.Hints).Select(h => h + " Retype your email address and password."));
        return Page();
    }
}
