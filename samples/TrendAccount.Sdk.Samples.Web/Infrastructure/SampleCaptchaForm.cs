using TrendAccount.Sdk.AspNetCore.UI;
using TrendAccount.Sdk.Samples.Web.Captcha;

namespace TrendAccount.Sdk.Samples.Web.Infrastructure;

/// <summary>
/// The sample's captcha step for the UI package's forms: its own character image (offline, the default), or the
/// site-verify provider's widget. Pages/Shared/_Captcha.cshtml, which overrides the package's partial, draws it.
/// </summary>
public sealed class SampleCaptchaForm(CaptchaWidget widget, IServiceProvider services) : ITrendAccountCaptchaForm
{
    /// <summary>The query value (<c>?captcha=question</c>) that asks for the text question instead of the image.</summary>
    public const string QuestionMode = "question";

    public object? CreateChallenge(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!widget.IsSelfHosted)
        {
            return null;
        }

        var captcha = services.GetRequiredService<CharacterCaptcha>();
        return context.Request.Query["captcha"] == QuestionMode ? captcha.CreateQuestion() : captcha.Create();
    }

    public string? ReadResponse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return null;
        }

        return widget.IsSelfHosted
            ? CharacterCaptchaVerifier.Compose(request.Form["CaptchaId"], request.Form["CaptchaAnswer"])
            : request.Form[widget.ResponseField!].ToString();
    }
}
