namespace TrendAccount.Sdk;

/// <summary>A sign-in attempt: email and password as typed. Immutable; <see cref="ToString"/> never reveals the password.</summary>
public sealed class SignInRequest
{
    /// <summary>Initializes a new instance of the <see cref="SignInRequest"/> class.</summary>
    /// <param name="email">The email address as typed.</param>
    /// <param name="password">The password as typed.</param>
    /// <param name="client">The client; <see cref="ClientContext.Unknown"/> when <see langword="null"/>.</param>
    public SignInRequest(string? email, string? password, ClientContext? client = null)
    {
        Email = email;
        Password = password;
        Client = client ?? ClientContext.Unknown;
    }

    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; }

    /// <summary>Gets the password as typed.</summary>
    public string? Password { get; }

    /// <summary>Gets the client.</summary>
    public ClientContext Client { get; }

    /// <inheritdoc />
    public override string ToString() => "SignInRequest(***)";
}
