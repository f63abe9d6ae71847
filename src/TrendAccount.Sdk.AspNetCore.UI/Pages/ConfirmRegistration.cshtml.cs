using Microsoft.AspNetCore.Mvc;

namespace TrendAccount.Sdk.AspNetCore.UI.Pages;

/// <summary>
/// The page behind the "Confirm your registration" link (<c>/ConfirmRegistration?token=…</c>). Opening it (GET) changes nothing, because mail scanners
/// follow links; the customer's click on "Create my account" (POST) uses the single-use token.
/// </summary>
internal sealed class ConfirmRegistrationModel : AccountPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Confirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(Token), HttpContext.RequestAborted);
        Confirmed = result.Succeeded;
        Show(result.Message, Confirmed ? "ok" : "error");
        return Page();
    }
}
