namespace TrendAccount.Sdk.Soak.Tests.Infrastructure;

/// <summary>What the soak's SMTP server does with a connection or a message.</summary>
public enum SmtpMode
{
    /// <summary>Accepts and records every message.</summary>
    Accepting,

    /// <summary>Answers DATA with 451 and 554 in turn: nothing is stored.</summary>
    RefusingMessages,

    /// <summary>Not listening: connections are refused.</summary>
    Down,
}
