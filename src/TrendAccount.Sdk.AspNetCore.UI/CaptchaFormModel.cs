namespace TrendAccount.Sdk.AspNetCore.UI;

/// <summary>The model of the <c>_Captcha</c> partial: the challenge and the ARIA wiring of the answer field.</summary>
public sealed class CaptchaFormModel
{
    /// <summary>The id of the captcha help text, named by <see cref="DescribedBy"/>.</summary>
    public const string HelpId = "captcha-help";

    /// <summary>Gets what <see cref="ITrendAccountCaptchaForm.CreateChallenge"/> returned, if anything.</summary>
    public object? Challenge { get; init; }

    /// <summary>Gets the answer field's <c>aria-invalid</c> value (<c>true</c> after a wrong answer), or <see langword="null"/> for no attribute.</summary>
    public string? AriaInvalid { get; init; }

    /// <summary>Gets the answer field's <c>aria-describedby</c> value: the error message when it is about the captcha, then <see cref="HelpId"/>.</summary>
    public string? DescribedBy { get; init; }
}
