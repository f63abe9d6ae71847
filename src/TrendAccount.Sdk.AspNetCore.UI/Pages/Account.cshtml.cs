using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace TrendAccount.Sdk.AspNetCore.UI.Pages;

/// <summary>The signed-in page: the TrendAccount scheme sends anyone else to the sign-in page.</summary>
[Authorize]
internal sealed class AccountModel : AccountPageModel
{
    public string? Email { get; private set; }

    public void OnGet()
    {
        Email = User.FindFirstValue(TrendAccountClaimTypes.Email);
        Show(Messages.SignedIn, "ok");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await SignInManager.SignOutAsync(HttpContext, HttpContext.RequestAborted);
        return RedirectToPage("/Index");
    }
}
