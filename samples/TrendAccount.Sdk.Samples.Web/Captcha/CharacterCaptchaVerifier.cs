namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>
/// The SDK's <see cref="ICaptchaVerifier"/> for <see cref="SignedCaptcha"/>. The pages send the response as
/// <c>{challenge token}:{typed characters}</c> (see <see cref="Compose"/>).
/// </summary>
public sealed class CharacterCaptchaVerifier(SignedCaptcha captcha) : ICaptchaVerifier
{
    /// <summary>Builds the response string the verifier expects.</summary>
    public static string Compose(string? challengeToken, string? answer) => $"{challengeToken}:{answer}";

    public ValueTask<bool> VerifyAsync(string? response, ClientContext client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        cancellationToken.ThrowIfCancellationRequested();
        var separator = response?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (separator <= 0)
        {
            return ValueTask.FromResult(false);
        }

        return ValueTask.FromResult(captcha.Check(response![..separator], response[(separator + 1)..]) == CaptchaCheck.Accepted);
    }
}
