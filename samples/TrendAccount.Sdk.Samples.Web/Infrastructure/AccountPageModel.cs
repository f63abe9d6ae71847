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

    /// <summary>Gets or sets the details listed under the message (input hints; never a repeat of the message).</summary>
    public IReadOnlyList<string> Details { get; protected set; } = [];

    /// <summary>The id of the message, which every field it is about names in <c>aria-describedby</c>.</summary>
    public const string MessageId = "form-message";

    private readonly HashSet<string> _invalidFields = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets a value indicating whether keyboard focus moves to the message: after a submit, so a screen reader reads
    /// the answer once (the focused message then carries no live-region role, which would read it a second time).
    /// </summary>
    public bool FocusMessage => Message is not null && HttpMethods.IsPost(Request.Method);

    /// <summary>The <c>aria-invalid</c> value of a field: <c>true</c> when the message is about it, else no attribute.</summary>
    public string? AriaInvalid(string field) => _invalidFields.Contains(field) ? "true" : null;

    /// <summary>The <c>aria-describedby</c> value of a field: the message when it is about the field, then its help text.</summary>
    public string? DescribedBy(string field, string? helpId = null)
    {
        var ids = new[] { _invalidFields.Contains(field) ? MessageId : null, helpId }.Where(id => id is not null).ToArray();
        return ids.Length == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>Marks the fields the error message is about (<c>aria-invalid</c>, <c>aria-describedby</c>).</summary>
    protected void MarkInvalid(params string[] fields)
    {
        foreach (var field in fields)
        {
            _invalidFields.Add(field);
        }
    }

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

        // The layout puts "Error:" in front of the title, so the change is announced and seen in the tab.
        ViewData["Failed"] = kind == "error";
        Details = details?.Where(d => !string.IsNullOrWhiteSpace(d)).ToArray() ?? [];
    }

    /// <summary>The SDK's "check for extra spaces" advice for what the customer typed, if anything was noticed.</summary>
    protected string[] HintText(InputHints hints)
    {
        var text = Messages.DescribeHints(hints);
        return text.Length == 0 ? [] : [text];
    }
}
