using TrendAccount.Sdk.MailKit;
using TrendAccount.Sdk.Samples.Web.Infrastructure;

namespace TrendAccount.Sdk.Samples.Web.Pages.Dev;

/// <summary>Lists the emails in the pickup folder with their links, so the email step works without a mail server.</summary>
public sealed class OutboxModel(IServiceProvider services, SampleSettings settings) : DevelopmentPageModel
{
    public IReadOnlyList<PickupMessage>? Messages { get; private set; }

    public string Folder => settings.PickupDirectory;

    public void OnGet()
    {
        if (services.GetService<PickupDirectoryAccountMailer>() is { } mailer && services.GetService<IAccountMailer>() == mailer)
        {
            Messages = mailer.ReadMessages().OrderByDescending(m => m.Date).ToList();
        }
    }
}
