namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.SignInAsync"/>. Immutable; <see cref="ToString"/> never reveals the tokens.</summary>
public sealed class SignInResult
{
    internal SignInResult()
    {
    }

    /// <summary>Gets a value indicating whether the customer is signed in.</summary>
    public bool Succeeded => Status == SignInStatus.Succeeded;

    /// <summary>Gets what happened, as far as the customer may know.</summary>
    public SignInStatus Status { get; internal init; }

    /// <summary>Gets the text to show the customer: the support article's generic message on any failure.</summary>
    public string Message { get; internal init; } = string.Empty;

    /// <summary>
    /// Gets what was noticed about the input (surrounding spaces, wide characters), so the host can add
    /// "check for extra spaces". Computed from the input alone, so it reveals nothing about accounts.
    /// </summary>
    public InputHints Hints { get; internal init; }

    /// <summary>Gets the opaque session token to hand to the client (a cookie), when <see cref="Succeeded"/>.</summary>
    public string? SessionToken { get; internal init; }

    /// <summary>Gets when the session expires if unused (it slides on each <see cref="IAccountService.ValidateSessionAsync"/>).</summary>
    public DateTimeOffset? ExpiresAt { get; internal init; }

    /// <summary>Gets the signed-in account, when <see cref="Succeeded"/>.</summary>
    public Guid? AccountId { get; internal init; }

    /// <summary>
    /// Gets a fresh device token after a successful sign-in, when device tokens are configured
    /// (<see cref="SignInOptions.DeviceTokenKey"/>): the host stores it on the client (a long-lived, HttpOnly, Secure
    /// cookie) and passes it back in <see cref="SignInRequest.DeviceToken"/>, replacing any older one.
    /// </summary>
    public string? DeviceToken { get; internal init; }

    /// <summary>Gets how long the client should wait, when <see cref="Status"/> is <see cref="SignInStatus.TryAgainLater"/> (for a <c>Retry-After</c> header).</summary>
    public TimeSpan? RetryAfter { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"SignIn {Status}";
}
