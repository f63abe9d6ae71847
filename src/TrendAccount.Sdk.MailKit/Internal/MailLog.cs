using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk.MailKit;

/// <summary>Log events of the mailers. Recipients are always masked; bodies, links and passwords are never logged.</summary>
internal static partial class MailLog
{
    [LoggerMessage(EventId = 5101, EventName = "SmtpMessageSent", Level = LogLevel.Information,
        Message = "Sent the {Kind} email to {Recipient} through {Host}:{Port} as {MessageId}.")]
    public static partial void SmtpMessageSent(ILogger logger, AccountMessageKind kind, string recipient, string host, int port, string messageId);

    [LoggerMessage(EventId = 5102, EventName = "SmtpMessageFailed", Level = LogLevel.Error,
        Message = "Could not send the {Kind} email to {Recipient} through {Host}:{Port} while {Stage}: {Failure} (SMTP status {StatusCode}).")]
    public static partial void SmtpMessageFailed(
        ILogger logger, AccountMessageKind kind, string recipient, string host, int port, string stage, AccountMailDeliveryFailure failure, int? statusCode, Exception exception);

    [LoggerMessage(EventId = 5103, EventName = "SmtpQuitFailed", Level = LogLevel.Debug,
        Message = "The SMTP server accepted the {Kind} email, but closing the connection failed.")]
    public static partial void SmtpQuitFailed(ILogger logger, AccountMessageKind kind, Exception exception);

    [LoggerMessage(EventId = 5111, EventName = "PickupMessageWritten", Level = LogLevel.Information,
        Message = "Wrote the {Kind} email to {Recipient} as {Path}.")]
    public static partial void PickupMessageWritten(ILogger logger, AccountMessageKind kind, string recipient, string path);

    [LoggerMessage(EventId = 5112, EventName = "PickupMessageFailed", Level = LogLevel.Error,
        Message = "Could not write the {Kind} email to {Recipient} into {Directory}: {Failure}.")]
    public static partial void PickupMessageFailed(
        ILogger logger, AccountMessageKind kind, string recipient, string directory, AccountMailDeliveryFailure failure, Exception exception);
}
