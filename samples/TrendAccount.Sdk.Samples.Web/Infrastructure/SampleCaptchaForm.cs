using TrendAccount.Sdk.AspNetCore.UI;
using TrendAccount.Sdk.Samples.Web.Captcha;

namespace TrendAccount.Sdk.Samples.Web.Infrastructure;

/// <summary>
/// The sample's captcha step for the UI package's forms: its own character image (offline, the default), or the
/// site-verify provider's widget. Pages/Shared/_Captcha.cshtml, which overrides the package's partial, draws it.
/// </summary>
public sealed class SampleCaptchaForm(CaptchaWidget widget, IServiceProvider services) : ITrendAccountCaptchaForm
{
    public object? CreateChallenge(HttpContext context) =>
        widget.IsSelfHosted ? services.GetRequiredService<CharacterCaptcha>().Create() : null;

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
