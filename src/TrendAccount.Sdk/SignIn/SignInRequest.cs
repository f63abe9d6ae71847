namespace TrendAccount.Sdk;

/// <summary>A sign-in attempt: email and password as typed. Immutable; <see cref="ToString"/> never reveals the password.</summary>
public sealed class SignInRequest
{
    /// <summary>Initializes a new instance of the <see cref="SignInRequest"/> class.</summary>
    /// <param name="email">The email address as typed.</param>
    /// <param name="password">The password as typed.</param>
    public SignInRequest(string? email, string? password)
    {
        Email = email;
        Password = password;
    }

    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; }

    /// <summary>Gets the password as typed.</summary>
    public string? Password { get; }

    /// <inheritdoc />
    public override string ToString() => "SignInRequest(***)";
}
