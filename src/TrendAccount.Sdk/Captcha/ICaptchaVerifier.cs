namespace TrendAccount.Sdk;

/// <summary>Checks the captcha a customer answered (the "type the characters shown" step of the article).</summary>
public interface ICaptchaVerifier
{
    /// <summary>Verifies a captcha response.</summary>
    /// <param name="response">The customer's answer or the widget's response token.</param>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> only when the captcha was solved; any failure or timeout is <see langword="false"/>.</returns>
    ValueTask<bool> VerifyAsync(string? response, ClientContext client, CancellationToken cancellationToken);
}
