using Microsoft.AspNetCore.Mvc;

namespace TrendAccount.Sdk.AspNetCore.UI.Pages;

internal sealed class IndexModel : AccountPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Account") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await SignInManager.SignInAsync(HttpContext, Email, Password, HttpContext.RequestAborted);
        Password = null;
        if (result.Succeeded)
        {
            return RedirectToPage("/Account");
        }

        MarkInvalid(nameof(Email), nameof(Password));

        // One generic message whatever the reason; the SDK's hints say only what the input itself showed.
        Show(result.Message, details: HintText(result.Hints).Select(h => h + " Retype your email address and password."));
        return Page();
    }
}
