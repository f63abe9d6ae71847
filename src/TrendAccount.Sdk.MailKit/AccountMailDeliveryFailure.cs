namespace TrendAccount.Sdk.MailKit;

/// <summary>Why an account email could not be handed over. Values are stable.</summary>
public enum AccountMailDeliveryFailure
{
    /// <summary>The cause is not known (the exception was created without one).</summary>
    Unknown = 0,

    /// <summary>The server could not be reached (name not resolved, connection refused, network down).</summary>
    ConnectionFailed = 1,

    /// <summary>TLS could not be established: the certificate was not trusted, the handshake failed, or STARTTLS was required but not offered.</summary>
    SecureConnectionFailed = 2,

    /// <summary>The server refused the user name and password, or offers no authentication.</summary>
    AuthenticationFailed = 3,

    /// <summary>The server answered with an error reply (4xx or 5xx) to the sender, a recipient or the message; see <see cref="AccountMailDeliveryException.StatusCode"/>.</summary>
    Rejected = 4,

    /// <summary>The server closed the connection before it accepted the message.</summary>
    Disconnected = 5,

    /// <summary>The server did not answer within the configured timeout.</summary>
    TimedOut = 6,

    /// <summary>The recipient address could not be used in a message.</summary>
    InvalidAddress = 7,

    /// <summary>The message file could not be written (pickup directory).</summary>
    WriteFailed = 8,
}
