using Microsoft.AspNetCore.Mvc;
using TrendAccount.Sdk.Samples.Web.Infrastructure;

namespace TrendAccount.Sdk.Samples.Web.Pages.Dev;

public sealed class ClockModel(IServiceProvider services) : DevelopmentPageModel
{
    public DateTimeOffset Now { get; private set; }

    public TimeSpan Offset { get; private set; }

    public void OnGet() => Read();

    public IActionResult OnPost(int minutes)
    {
        if (minutes is < 1 or > 60 * 24 * 30)
        {
            return BadRequest();
        }

        services.GetRequiredService<AdjustableClock>().Advance(TimeSpan.FromMinutes(minutes));
        return RedirectToPage();
    }

    private void Read()
    {
        var clock = services.GetRequiredService<AdjustableClock>();
        Now = clock.GetUtcNow();
        Offset = clock.Offset;
    }
}
