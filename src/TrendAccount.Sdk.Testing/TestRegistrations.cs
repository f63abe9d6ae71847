using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.InMemory;

namespace TrendAccount.Sdk.Testing;

/// <summary>
/// For tests, samples and benchmarks that need an account: registers, waits for the confirmation mail, and follows
/// its link, as a customer would. Needs the SDK's <see cref="RecordingAccountMailer"/> as the mailer.
/// </summary>
public static class TestRegistrations
{
    /// <summary>Registers through <see cref="IAccountService.RegisterAsync"/> and confirms with the mailed link.</summary>
    /// <param name="services">The service provider the SDK was added to with <c>AddTrendAccount</c>, with a <see cref="RecordingAccountMailer"/> as its mailer.</param>
    /// <param name="request">The registration (its captcha must pass the host's verifier).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The confirmation's result; a registration that was refused, or mailed no link (the address has an account), throws.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The mailer is not a <see cref="RecordingAccountMailer"/>, the registration was refused, or no confirmation link was mailed.</exception>
    public static async Task<ConfirmRegistrationResult> RegisterAndConfirmAsync(IServiceProvider services, RegistrationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(request);
        var mailer = services.GetRequiredService<IAccountMailer>() as RecordingAccountMailer
            ?? throw new InvalidOperationException("RegisterAndConfirmAsync reads the link from a RecordingAccountMailer; use UseMailer(new RecordingAccountMailer()).");
        var accounts = services.GetRequiredService<IAccountService>();
        var registration = await accounts.RegisterAsync(request, cancellationToken).ConfigureAwait(false);
        if (!registration.Succeeded)
        {
            throw new InvalidOperationException($"The registration was refused: {registration.Status} ({registration.Message}).");
        }

        await BackgroundWork.WhenIdleAsync(services, cancellationToken).ConfigureAwait(false);
        var token = ConfirmationTokenFrom(services, mailer, request.Email)
            ?? throw new InvalidOperationException("No confirmation link was mailed (the address may already have an account, or its mail limit is spent).");
        return await accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The token of the last confirmation link mailed to an address, or <see langword="null"/>.</summary>
    /// <param name="services">The service provider the SDK was added to.</param>
    /// <param name="mailer">The recording mailer.</param>
    /// <param name="email">The address as typed.</param>
    /// <returns>The token, or <see langword="null"/> when no confirmation link was mailed to the address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="mailer"/> is <see langword="null"/>.</exception>
    public static string? ConfirmationTokenFrom(IServiceProvider services, RecordingAccountMailer mailer, string? email)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(mailer);
        var normalized = CredentialNormalizer.Default.NormalizeEmail(email);
        var link = normalized.Email is null ? null : mailer.LastMessageTo(normalized.Email, AccountMessageKind.RegistrationConfirmation)?.Link;
        var baseUrl = services.GetRequiredService<IOptions<TrendAccountOptions>>().Value.Recovery.RegistrationLinkBaseUrl;
        if (link is null || baseUrl is null)
        {
            return null;
        }

        var text = link.AbsoluteUri;
        return text.StartsWith(baseUrl.AbsoluteUri, StringComparison.Ordinal) ? text[baseUrl.AbsoluteUri.Length..] : null;
    }
}
