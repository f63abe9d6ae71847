using Microsoft.AspNetCore.Mvc;
using TrendAccount.Sdk.Samples.Web.Infrastructure;

namespace TrendAccount.Sdk.Samples.Web.Pages;

public sealed class AccountModel : AccountPageModel
{
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var session = SessionCookie.Read(Request) is { } token ? await Accounts.ValidateSessionAsync(token, HttpContext.RequestAborted) : null;
        if (session is null)
        {
            SessionCookie.Delete(Response);
            return RedirectToPage("/Index");
        }

        Email = session.Email;
        Show(Messages.SignedIn, "ok");
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        if (SessionCookie.Read(Request) is { } token)
        {
            await Accounts.SignOutAsync(token, HttpContext.RequestAborted);
        }

        SessionCookie.Delete(Response);
        return RedirectToPage("/Index");
    }
}
