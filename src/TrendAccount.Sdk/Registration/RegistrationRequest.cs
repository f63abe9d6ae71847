namespace TrendAccount.Sdk;

/// <summary>A customer's registration after activating the program: serial, email, password and confirmation. Immutable.</summary>
public sealed class RegistrationRequest
{
    /// <summary>Initializes a new instance of the <see cref="RegistrationRequest"/> class.</summary>
    /// <param name="serial">The product serial number as typed.</param>
    /// <param name="email">The email address as typed.</param>
    /// <param name="password">The password as typed.</param>
    /// <param name="confirmation">The password confirmation as typed.</param>
    public RegistrationRequest(string? serial, string? email, string? password, string? confirmation)
    {
        Serial = serial;
        Email = email;
        Password = password;
        Confirmation = confirmation;
    }

    /// <summary>Gets the serial number as typed.</summary>
    public string? Serial { get; }

    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; }

    /// <summary>Gets the password as typed.</summary>
    public string? Password { get; }

    /// <summary>Gets the password confirmation as typed.</summary>
    public string? Confirmation { get; }

    /// <inheritdoc />
    public override string ToString() => "RegistrationRequest(***)";
}
