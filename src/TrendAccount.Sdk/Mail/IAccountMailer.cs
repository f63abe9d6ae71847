namespace TrendAccount.Sdk;

/// <summary>Sends account emails. The SDK logs a failure and never loses account state because of one.</summary>
public interface IAccountMailer
{
    /// <summary>Sends a message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the message was handed over.</returns>
    Task SendAsync(AccountMessage message, CancellationToken cancellationToken);
}
