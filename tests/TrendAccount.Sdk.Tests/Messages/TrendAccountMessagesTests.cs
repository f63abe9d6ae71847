namespace TrendAccount.Sdk.Tests.Messages;

public sealed class TrendAccountMessagesTests
{
    private static readonly string[] StepNames = Enum.GetNames<TroubleshootingStepCode>();

    public static TheoryData<string, string> EveryDefaultText()
    {
        var messages = TrendAccountMessages.Default;
        var password = new PasswordOptions();
        var data = new TheoryData<string, string>
        {
            { nameof(messages.SerialAlreadyRegistered), messages.SerialAlreadyRegistered },
            { nameof(messages.RegistrationAccepted), messages.RegistrationAccepted },
            { nameof(messages.RegistrationLinkInvalid), messages.RegistrationLinkInvalid },
            { nameof(messages.AccountAlreadyExists), messages.AccountAlreadyExists },
            { nameof(messages.NotActivated), messages.NotActivated },
            { nameof(messages.SerialNotRegistered), messages.SerialNotRegistered },
            { nameof(messages.ResetLinkInvalid), messages.ResetLinkInvalid },
        };
        foreach (var code in Enum.GetValues<TroubleshootingStepCode>())
        {
            data.Add($"{code} instructions", messages.TroubleshootingStepInstructions(code, InputHints.None, "your reseller", password));
        }

        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        foreach (var mail in new[]
        {
            messages.PasswordResetMail(new Uri("https://example.com/reset?token=abc"), TimeSpan.FromMinutes(30)),
            messages.EmailReminderMail("john@example.com", "PQRS-****-****-****-3456"),
            messages.PasswordChangedMail(at),
            messages.LockoutNoticeMail(5, at),
            messages.RegistrationConfirmationMail(new Uri("https://example.com/confirm?token=abc"), TimeSpan.FromHours(1)),
            messages.AccountExistsNoticeMail(),
        })
        {
            foreach (var paragraph in mail.Paragraphs)
            {
                data.Add(mail.Subject, paragraph);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDefaultText))]
    public void DefaultTexts_NeverEndAQuestionWithAFullStop(string name, string text)
    {
        Assert.False(text.Contains("?.", StringComparison.Ordinal), $"{name}: {text}");
    }

    [Fact]
    public void SerialAlreadyRegistered_NamesTheLinkWithoutDoublePunctuation() =>
        Assert.EndsWith("click the Forgot which address you used before? link.", TrendAccountMessages.Default.SerialAlreadyRegistered, StringComparison.Ordinal);

    [Fact]
    public void ContactResellerInstructions_UseTheGivenContactAndNoHardCodedPrefix()
    {
        var text = TrendAccountMessages.Default.TroubleshootingStepInstructions(TroubleshootingStepCode.ContactReseller, InputHints.None, "Example ISP support", new PasswordOptions());

        Assert.Contains("Contact Example ISP support.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("starts with", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportCaseText_TriedSteps_NamedByTheirTitlesNotEnumNames()
    {
        var messages = TrendAccountMessages.Default;

        var text = messages.SupportCaseText("Reason.", null, "j***n@e*****e.com", [TroubleshootingStepCode.ResetPassword, TroubleshootingStepCode.RecoverEmailBySerial]);

        Assert.Contains(messages.TroubleshootingStepTitle(TroubleshootingStepCode.ResetPassword), text, StringComparison.Ordinal);
        Assert.Contains(messages.TroubleshootingStepTitle(TroubleshootingStepCode.RecoverEmailBySerial), text, StringComparison.Ordinal);
        Assert.DoesNotContain(StepNames, name => text.Contains(name, StringComparison.Ordinal));
        Assert.Contains("Serial number: not given.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MailTemplate_LinkWithoutText_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new MailTemplate("Subject", ["One."], new Uri("https://example.com/")));

    [Fact]
    public void MailTemplate_NoParagraph_Throws() =>
        Assert.Throws<ArgumentException>(() => new MailTemplate("Subject", []));
}
