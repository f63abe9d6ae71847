using Microsoft.AspNetCore.Mvc;

namespace TrendAccount.Sdk.AspNetCore.UI.Pages;

/// <summary>The troubleshooter: the article's three scenarios as choices, and the steps the SDK returns.</summary>
internal sealed class CantSignInModel(SignInTroubleshooter troubleshooter) : AccountPageModel
{
    public const string WrongInformation = "wrong-information";
    public const string Reseller = "reseller";
    public const string NotActivated = "not-activated";

    [BindProperty]
    public string? Scenario { get; set; }

    [BindProperty]
    public string? Serial { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public bool ForgotEmail { get; set; }

    [BindProperty]
    public bool ForgotPassword { get; set; }

    [BindProperty]
    public bool ChangedEmailAddress { get; set; }

    [BindProperty]
    public bool NoAccessToMailbox { get; set; }

    public TroubleshootingReport? Report { get; private set; }

    public static (string Url, string Text)? PageFor(TroubleshootingStepCode code) => code switch
    {
        TroubleshootingStepCode.RecoverEmailBySerial => ("/FindEmail", "Forgot which address you used before?"),
        TroubleshootingStepCode.ResetPassword => ("/ForgotPassword", "Forgot your password?"),
        TroubleshootingStepCode.RetypeCredentials => ("/", "Sign in"),
        TroubleshootingStepCode.CreateAccount or TroubleshootingStepCode.InstallAndActivate => ("/Register", "Activate / register"),
        _ => null,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Scenario is not (WrongInformation or Reseller or NotActivated))
        {
            Show("Choose what happened.");
            MarkInvalid(nameof(Scenario));
            return Page();
        }

        if (Scenario is Reseller or NotActivated && string.IsNullOrWhiteSpace(Serial))
        {
            Show("Type your serial number: what to do depends on it.");
            MarkInvalid(nameof(Serial));
            return Page();
        }

        var wrongInformation = Scenario == WrongInformation;
        Report = await troubleshooter.DiagnoseAsync(
            new TroubleshootingRequest
            {
                Serial = Serial,
                Email = Email,
                ForgotEmail = wrongInformation && ForgotEmail,
                ForgotPassword = wrongInformation && ForgotPassword,
                ChangedEmailAddress = wrongInformation && ChangedEmailAddress,
                NoAccessToMailbox = wrongInformation && NoAccessToMailbox,
                NotActivated = Scenario == CantSignInModel.NotActivated,
            },
            HttpContext.RequestAborted);
        return Page();
    }
}
