using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.AspNetCore.UI.Pages;

/// <summary>What every account page shares: the client context, the captcha step and the result message.</summary>
internal abstract class AccountPageModel : PageModel
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

    /// <summary>The name <see cref="MarkInvalid"/> and <see cref="AriaInvalid"/> use for the captcha field.</summary>
    public const string CaptchaField = "Captcha";

    private object? _challenge;

    /// <summary>Gets what the <c>_Captcha</c> partial draws: the challenge and the field's ARIA wiring.</summary>
    public CaptchaFormModel Captcha => new()
    {
        Challenge = _challenge,
        AriaInvalid = AriaInvalid(CaptchaField),
        DescribedBy = DescribedBy(CaptchaField, CaptchaFormModel.HelpId),
    };

    private ITrendAccountCaptchaForm CaptchaForm => HttpContext.RequestServices.GetRequiredService<ITrendAccountCaptchaForm>();

    protected TrendAccountMessages Messages => HttpContext.RequestServices.GetRequiredService<TrendAccountMessages>();

    protected IAccountService Accounts => HttpContext.RequestServices.GetRequiredService<IAccountService>();

    /// <summary>Gets the client as the SDK's limits see it (TrendAccount.Sdk.AspNetCore reads it).</summary>
    protected ClientContext Client => HttpContext.GetTrendAccountClient();

    protected TrendAccountSignInManager SignInManager => HttpContext.RequestServices.GetRequiredService<TrendAccountSignInManager>();

    /// <summary>Draws a new challenge; every rendering of a captcha form gets a fresh one.</summary>
    protected void NewChallenge() => _challenge = CaptchaForm.CreateChallenge(HttpContext);

    /// <summary>The captcha response the SDK passes to its <see cref="ICaptchaVerifier"/>.</summary>
    protected string? CaptchaResponse() => CaptchaForm.ReadResponse(Request);

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
