namespace TrendAccount.Sdk;

/// <summary>A customer's registration after activating the program: serial, email, password and confirmation. Immutable.</summary>
public sealed class Registration
{
    /// <summary>Initializes a new instance of the <see cref="Registration"/> class.</summary>
    /// <param name="serial">The product serial number as typed.</param>
    /// <param name="email">The email address as typed.</param>
    /// <param name="password">The password as typed.</param>
    /// <param name="confirmation">The password confirmation as typed.</param>
    /// <param name="client">The client; <see cref="ClientContext.Unknown"/> when <see langword="null"/>.</param>
    public Registration(string? serial, string? email, string? password, string? confirmation, ClientContext? client = null)
    {
        Serial = serial;
        Email = email;
        Password = password;
        Confirmation = confirmation;
        Client = client ?? ClientContext.Unknown;
    }

    /// <summary>Gets the serial number as typed.</summary>
    public string? Serial { get; }

    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; }

    /// <summary>Gets the password as typed.</summary>
    public string? Password { get; }

    /// <summary>Gets the password confirmation as typed.</summary>
    public string? Confirmation { get; }

    /// <summary>Gets the client.</summary>
    public ClientContext Client { get; }

    /// <inheritdoc />
    public override string ToString() => "Registration(***)";
}
