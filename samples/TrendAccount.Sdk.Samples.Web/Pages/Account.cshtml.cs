using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrendAccount.Sdk.AspNetCore;
using TrendAccount.Sdk.Samples.Web.Infrastructure;

namespace TrendAccount.Sdk.Samples.Web.Pages;

/// <summary>The signed-in page: the TrendAccount scheme sends anyone else to the sign-in page.</summary>
[Authorize]
public sealed class AccountModel : AccountPageModel
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
