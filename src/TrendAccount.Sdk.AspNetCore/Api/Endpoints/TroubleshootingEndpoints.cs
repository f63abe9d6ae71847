using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The troubleshooter: the one place these endpoints touch the SDK's troubleshooting types.</summary>
internal static class TroubleshootingEndpoints
{
    public static async Task<Results<Ok<TroubleshootResponse>, ProblemHttpResult>> TroubleshootAsync(HttpContext context, SignInTroubleshooter troubleshooter)
    {
        var (body, problem) = await ApiRequests.ReadAsync<TroubleshootBody>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var tried = new List<TroubleshootingStepCode>();
        foreach (var name in body!.AlreadyTried ?? [])
        {
            if (!Enum.TryParse<TroubleshootingStepCode>(name, ignoreCase: false, out var code) || !Enum.IsDefined(code) || int.TryParse(name, out _))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown step code", detail: $"alreadyTried holds \"{name}\", which is not a TroubleshootingStepCode name.");
            }

            tried.Add(code);
        }

        var report = await troubleshooter.DiagnoseAsync(new TroubleshootingRequest
        {
            Email = body.Email,
            Serial = body.Serial,
            ForgotPassword = body.ForgotPassword,
            ForgotEmail = body.ForgotEmail,
            NoAccessToMailbox = body.NoAccessToMailbox,
            ChangedEmailAddress = body.ChangedEmailAddress,
            NotActivated = body.NotActivated,
            AlreadyTried = tried,
        }, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new TroubleshootResponse
        {
            Steps = report.Steps.Select(s => new TroubleshootStepResponse { Code = s.Code.ToString(), Title = s.Title, Instructions = s.Instructions }).ToArray(),
            Hints = ApiRequests.Names(report.Hints),
            Channel = report.Channel.ToString(),
            SupportCase = report.SupportCase is { } support
                ? new SupportCaseResponse { Serial = support.Serial, MaskedEmail = support.MaskedEmail, Reason = support.Reason, Tried = ApiRequests.Names(support.Tried), Text = support.Text }
                : null,
        });
    }
}
