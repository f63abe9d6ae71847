namespace TrendAccount.Sdk.Tests.Internal;

public sealed class MailComposerTests
{
    [Fact]
    public void Render_HostileParagraphAndLink_HtmlEncodedTextVerbatim()
    {
        var link = new Uri("https://example.com/reset?token=a&b=<c>");
        var template = new MailTemplate("Subject", ["<script>alert('x')</script> & more", "Second."], link, "Open <this>");

        var message = MailComposer.Render(AccountMessageKind.PasswordReset, "john@example.com", template);

        Assert.Contains("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{System.Net.WebUtility.HtmlEncode(link.AbsoluteUri)}\">Open &lt;this&gt;</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("<script>alert('x')</script> & more\n\nOpen <this>:\n" + link.AbsoluteUri + "\n\nSecond.\n", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(link, message.Link);
        Assert.Equal("Subject", message.Subject);
    }

    [Fact]
    public void Render_EmailReminder_SameSentencesInTextAndHtml()
    {
        var template = TrendAccountMessages.Default.EmailReminderMail("o'brien+x@example.com", "PQRS-****-****-****-3456");

        var message = MailComposer.Render(AccountMessageKind.EmailReminder, "o'brien+x@example.com", template);

        foreach (var paragraph in template.Paragraphs)
        {
            Assert.Contains(paragraph, message.TextBody, StringComparison.Ordinal);
            Assert.Contains("<p>" + System.Net.WebUtility.HtmlEncode(paragraph) + "</p>", message.HtmlBody, StringComparison.Ordinal);
        }

        Assert.Contains("o&#39;brien+x@example.com", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetMail_FromTheFlow_OneTemplateForBothBodies()
    {
        const string email = "john@example.com";
        await using var host = FlowHost.Create();
        await host.RegisterAsync("PQRS-1234-5678-9012-3456", email, "correct horse battery");

        Assert.NotNull(await host.RequestResetTokenAsync(email));

        var mail = host.Mailer.LastMessageTo(email, AccountMessageKind.PasswordReset)!;
        var link = mail.Link!;
        Assert.Contains(link.AbsoluteUri, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(link.AbsoluteUri), mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Change your password now", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(">Change your password now</a>", mail.HtmlBody, StringComparison.Ordinal);
    }
}
