using Microsoft.AspNetCore.Http;

namespace TrendAccount.Sdk.AspNetCore.UI;

/// <summary>
/// The captcha step of the forgot-email and forgot-password forms, seen from the page: what a fresh challenge is and
/// how the posted answer becomes the response the SDK's <see cref="ICaptchaVerifier"/> checks. The
/// <c>Pages/Shared/_Captcha.cshtml</c> partial draws it; a host with its own captcha registers its implementation
/// and overrides that partial. The default reads one text field, <c>CaptchaResponse</c>.
/// </summary>
public interface ITrendAccountCaptchaForm
{
    /// <summary>Creates what the partial draws for a fresh challenge, such as an image's id and characters.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The challenge, or <see langword="null"/> when the widget needs nothing from the server.</returns>
    object? CreateChallenge(HttpContext context);

    /// <summary>Reads the posted answer as the response the SDK's captcha verifier expects.</summary>
    /// <param name="request">The form post.</param>
    /// <returns>The response; <see langword="null"/> when none was posted.</returns>
    string? ReadResponse(HttpRequest request);
}
