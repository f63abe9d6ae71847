namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>
/// The SDK's <see cref="ICaptchaVerifier"/> for <see cref="CharacterCaptcha"/>. The pages send the response as
/// <c>{challenge id}:{typed characters}</c> (see <see cref="Compose"/>).
/// </summary>
public sealed class CharacterCaptchaVerifier(CharacterCaptcha captcha) : ICaptchaVerifier
{
    /// <summary>Builds the response string the verifier expects.</summary>
    public static string Compose(string? challengeId, string? answer) => $"{challengeId}:{answer}";

    public ValueTask<bool> VerifyAsync(string? response, ClientContext client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        cancellationToken.ThrowIfCancellationRequested();
        var separator = response?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (separator <= 0)
        {
            return ValueTask.FromResult(false);
        }

        return ValueTask.FromResult(captcha.TryConsume(response![..separator], response[(separator + 1)..]));
    }
}
