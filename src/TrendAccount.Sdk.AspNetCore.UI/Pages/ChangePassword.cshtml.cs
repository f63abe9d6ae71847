using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore.UI.Pages;

/// <summary>The page the emailed "change your password now" link opens (<c>/ChangePassword?token=…</c>).</summary>
internal sealed class ChangePasswordModel(IOptions<TrendAccountOptions> options) : AccountPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Changed { get; private set; }

    public bool LinkInvalid { get; private set; }

    public string LengthRule => Messages.PasswordLength(options.Value.Password.MinimumLength, options.Value.Password.MaximumLength);

    public async Task<IActionResult> OnGetAsync()
    {
        KeepTokenFromLeaking();

        // A look before the form is filled in, so a used or expired link says so at once. Only the SDK's reset call
        // below decides (atomically).
        if (!await Accounts.IsPasswordResetLinkValidAsync(Token, HttpContext.RequestAborted))
        {
            ShowLinkInvalid();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepTokenFromLeaking();
        var result = await Accounts.ResetPasswordAsync(new ResetPasswordRequest(Token, NewPassword, ConfirmPassword, Client), HttpContext.RequestAborted);
        NewPassword = null;
        ConfirmPassword = null;
        switch (result.Status)
        {
            case ResetPasswordStatus.Succeeded:
                Changed = true;
                Show(result.Message, "ok");
                break;
            case ResetPasswordStatus.InvalidLink:
                ShowLinkInvalid(result.Message);
                break;
            default:
                // The message already names every problem; the fields it is about are marked.
                Show(result.Message);
                MarkInvalid(result.PasswordProblems.All(p => p == PasswordProblem.ConfirmationMismatch)
                    ? [nameof(ConfirmPassword)]
                    : result.PasswordProblems.Contains(PasswordProblem.ConfirmationMismatch) ? [nameof(NewPassword), nameof(ConfirmPassword)] : [nameof(NewPassword)]);
                break;
        }

        return Page();
    }

    private void ShowLinkInvalid(string? message = null)
    {
        LinkInvalid = true;
        Show(message ?? Messages.ResetLinkInvalid, "info");
    }

    // The token is in this page's URL: no Referer header may carry it to another site, and no cache may keep it.
    private void KeepTokenFromLeaking()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }
}
