using Microsoft.AspNetCore.Mvc;
using TrendAccount.Sdk.Samples.Web.Infrastructure;

namespace TrendAccount.Sdk.Samples.Web.Pages;

public sealed class IndexModel : AccountPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (SessionCookie.Read(Request) is { } token && await Accounts.ValidateSessionAsync(token, HttpContext.RequestAborted) is not null)
        {
            return RedirectToPage("/Account");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Accounts.SignInAsync(new SignInRequest(Email, Password), HttpContext.RequestAborted);
        Password = null;
        if (result.Succeeded)
        {
            SessionCookie.Write(Response, result.SessionToken!, result.ExpiresAt);
            return RedirectToPage("/Account");
        }

        // One generic message whatever the reason; the SDK's hints say only what the input itself showed.
        Show(result.Message, details: HintText(result.Hints).Select(h => h + " Retype your email address and password."));
        return Page();
    }
}
