using System.Diagnostics;

namespace TrendAccount.Sdk;

/// <summary>The SDK's <see cref="ActivitySource"/>: one activity per flow, tagged with its outcome, never with personal data.</summary>
internal static class TrendAccountActivities
{
    public static readonly ActivitySource Source = new(TrendAccountDiagnostics.ActivitySourceName);

    public static Activity? Start(string flow) => Source.StartActivity("TrendAccount." + flow, ActivityKind.Internal);

    public static void SetOutcome(this Activity? activity, string outcome, bool succeeded)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(TrendAccountDiagnostics.OutcomeTag, outcome);
        activity.SetStatus(succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Unset);
    }
}
