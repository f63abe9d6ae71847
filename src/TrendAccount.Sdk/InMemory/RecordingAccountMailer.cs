namespace TrendAccount.Sdk.InMemory;

/// <summary>
/// An <see cref="IAccountMailer"/> that sends nothing and keeps every message, in order, so tests and samples can
/// follow the email step ("open the email and click change your password now"). Thread-safe.
/// </summary>
public sealed class RecordingAccountMailer : IAccountMailer
{
    private readonly Lock _gate = new();
    private readonly List<AccountMessage> _messages = [];

    /// <summary>Gets a snapshot of every message sent so far, oldest first.</summary>
    public IReadOnlyList<AccountMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _messages.Add(message);
        }

        return Task.CompletedTask;
    }

    /// <summary>Gets the messages sent to an address (compared case-insensitively), oldest first.</summary>
    /// <param name="email">The address.</param>
    /// <returns>The messages.</returns>
    public IReadOnlyList<AccountMessage> MessagesTo(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        lock (_gate)
        {
            return _messages.Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)).ToArray();
        }
    }

    /// <summary>Gets the last message sent to an address, optionally of one kind.</summary>
    /// <param name="email">The address (compared case-insensitively).</param>
    /// <param name="kind">The kind of message, or <see langword="null"/> for any.</param>
    /// <returns>The message, or <see langword="null"/> when none was sent.</returns>
    public AccountMessage? LastMessageTo(string email, AccountMessageKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        lock (_gate)
        {
            return _messages.LastOrDefault(m =>
                string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase) && (kind is null || m.Kind == kind));
        }
    }

    /// <summary>Gets the link of the last message to an address that carried one (the "change your password now" link).</summary>
    /// <param name="email">The address (compared case-insensitively).</param>
    /// <returns>The link, or <see langword="null"/>.</returns>
    public Uri? LastLinkTo(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        lock (_gate)
        {
            return _messages.LastOrDefault(m => m.Link is not null && string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase))?.Link;
        }
    }

    /// <summary>Forgets every message.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }
}
