using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrendAccount.Sdk.AspNetCore;
using TrendAccount.Sdk.Samples.Web.Captcha;

namespace TrendAccount.Sdk.Samples.Web.Infrastructure;

/// <summary>What every account page shares: the client context, the captcha step and the result message.</summary>
public abstract class AccountPageModel : PageModel
{
    /// <summary>Gets or sets the message to show (the SDK's text).</summary>
    public string? Message { get; protected set; }

    /// <summary>Gets or sets the kind of message: <c>error</c>, <c>ok</c> or <c>info</c>.</summary>
    public string MessageKind { get; protected set; } = "error";

    /// <summary>Gets or sets the details listed under the message (password problems, input hints).</summary>
    public IReadOnlyList<string> Details { get; protected set; } = [];

    [BindProperty]
    public string? CaptchaId { get; set; }

    [BindProperty]
    public string? CaptchaAnswer { get; set; }

    /// <summary>Gets the self-hosted challenge to draw, when the site uses its own captcha.</summary>
    public CaptchaChallenge? CurrentChallenge { get; private set; }

    public CaptchaWidget Widget => HttpContext.RequestServices.GetRequiredService<CaptchaWidget>();

    protected TrendAccountMessages Messages => HttpContext.RequestServices.GetRequiredService<TrendAccountMessages>();

    protected IAccountService Accounts => HttpContext.RequestServices.GetRequiredService<IAccountService>();

    /// <summary>Gets the client as the SDK's limits see it (TrendAccount.Sdk.AspNetCore reads it).</summary>
    protected ClientContext Client => HttpContext.GetTrendAccountClient();

    protected TrendAccountSignInManager SignInManager => HttpContext.RequestServices.GetRequiredService<TrendAccountSignInManager>();

    /// <summary>Draws a new challenge (self-hosted captcha only); every rendering of a captcha form gets a fresh one.</summary>
    protected void NewChallenge()
    {
        if (Widget.IsSelfHosted)
        {
            CurrentChallenge = HttpContext.RequestServices.GetRequiredService<CharacterCaptcha>().Create();
            CaptchaId = CurrentChallenge.Id;
            CaptchaAnswer = null;
            ModelState.Remove(nameof(CaptchaId));
            ModelState.Remove(nameof(CaptchaAnswer));
        }
    }

    /// <summary>The captcha response the SDK passes to its <see cref="ICaptchaVerifier"/>.</summary>
    protected string? CaptchaResponse() => Widget.IsSelfHosted
        ? CharacterCaptchaVerifier.Compose(CaptchaId, CaptchaAnswer)
        : Request.Form[Widget.ResponseField!].ToString();

    protected void Show(string message, string kind = "error", IEnumerable<string>? details = null)
    {
        Message = message;
        MessageKind = kind;
        Details = details?.Where(d => !string.IsNullOrWhiteSpace(d)).ToArray() ?? [];
    }

    /// <summary>The SDK's "check for extra spaces" advice for what the customer typed, if anything was noticed.</summary>
    protected string[] HintText(InputHints hints)
    {
        var text = Messages.DescribeHints(hints);
        return text.Length == 0 ? [] : [text];
    }
}
