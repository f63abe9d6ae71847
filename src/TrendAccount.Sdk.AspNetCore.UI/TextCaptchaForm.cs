using Microsoft.AspNetCore.Http;

namespace TrendAccount.Sdk.AspNetCore.UI;

/// <summary>The default captcha step: one text field, <c>CaptchaResponse</c>, passed to the verifier as typed.</summary>
internal sealed class TextCaptchaForm : ITrendAccountCaptchaForm
{
    public object? CreateChallenge(HttpContext context) => null;

    public string? ReadResponse(HttpRequest request) => request.HasFormContentType ? request.Form["CaptchaResponse"].ToString() : null;
}
