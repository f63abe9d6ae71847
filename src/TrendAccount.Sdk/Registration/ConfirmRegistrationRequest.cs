namespace TrendAccount.Sdk;

/// <summary>The token from a "confirm your registration" link. Immutable.</summary>
public sealed class ConfirmRegistrationRequest
{
    /// <summary>Initializes a new instance of the <see cref="ConfirmRegistrationRequest"/> class.</summary>
    /// <param name="token">The token from the link; any string.</param>
    public ConfirmRegistrationRequest(string? token)
    {
        Token = token;
    }

    /// <summary>Gets the token from the link.</summary>
    public string? Token { get; }

    /// <inheritdoc />
    public override string ToString() => "ConfirmRegistrationRequest(***)";
}
