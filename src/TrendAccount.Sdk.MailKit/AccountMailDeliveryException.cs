namespace TrendAccount.Sdk.MailKit;

/// <summary>
/// Thrown by the mailers of this package when a message could not be handed over. The failure was already logged with
/// the recipient masked.
/// </summary>
/// <remarks>
/// The message and properties never hold the password, the body or the link. A server's reply is kept in
/// <see cref="ServerReply"/> with the recipient's address masked; it is not attached as an inner exception because
/// servers echo the full address. Transport failures (sockets, TLS, files) keep their exception as
/// <see cref="Exception.InnerException"/>.
/// </remarks>
public sealed class AccountMailDeliveryException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="AccountMailDeliveryException"/> class.</summary>
    public AccountMailDeliveryException()
        : this("The account email could not be sent.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AccountMailDeliveryException"/> class.</summary>
    /// <param name="message">The message.</param>
    public AccountMailDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AccountMailDeliveryException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AccountMailDeliveryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AccountMailDeliveryException"/> class.</summary>
    /// <param name="failure">Why the message could not be handed over.</param>
    /// <param name="message">The message, without personal data.</param>
    /// <param name="innerException">The transport failure, if any.</param>
    /// <param name="statusCode">The SMTP reply code, when the server answered.</param>
    /// <param name="serverReply">The server's reply text with the recipient masked, when the server answered.</param>
    public AccountMailDeliveryException(
        AccountMailDeliveryFailure failure,
        string message,
        Exception? innerException = null,
        int? statusCode = null,
        string? serverReply = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
        ServerReply = serverReply;
    }

    /// <summary>Gets why the message could not be handed over.</summary>
    /// <value><see cref="AccountMailDeliveryFailure.Unknown"/> when not set by the thrower.</value>
    public AccountMailDeliveryFailure Failure { get; }

    /// <summary>Gets the SMTP reply code (such as 550) when the server refused, otherwise <see langword="null"/>.</summary>
    public int? StatusCode { get; }

    /// <summary>Gets the server's reply text with the recipient's address masked, when the server answered.</summary>
    public string? ServerReply { get; }

    /// <summary>
    /// Gets a value indicating whether sending again later may succeed: a timeout, a lost or refused connection, or a
    /// 4xx reply. <see langword="false"/> for permanent refusals (5xx), authentication, TLS and address problems.
    /// </summary>
    public bool IsTransient => Failure switch
    {
        AccountMailDeliveryFailure.TimedOut or AccountMailDeliveryFailure.Disconnected or AccountMailDeliveryFailure.ConnectionFailed => true,
        AccountMailDeliveryFailure.Rejected => StatusCode is >= 400 and < 500,
        _ => false,
    };
}
