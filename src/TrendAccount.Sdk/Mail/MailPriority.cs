namespace TrendAccount.Sdk;

/// <summary>Which lane an account email travels in; urgent mail is always delivered first. Values are stable.</summary>
public enum MailPriority
{
    /// <summary>Mail a customer asked for and waits on: the reset link, the address reminder, the registration confirmation. Never dropped.</summary>
    Urgent = 0,

    /// <summary>Notices an attacker can trigger without a captcha (lockout, password changed, "you already have an account"); delivered after urgent mail.</summary>
    Notice = 1,
}
