using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Change password: the one place these endpoints touch the SDK's change-password types.</summary>
internal static class SessionEndpoints
{
    public static async Task<Results<Ok<ChangePasswordResponse>, UnauthorizedHttpResult, ProblemHttpResult>> ChangePasswordAsync(HttpContext context, TrendAccountSignInManager signIn)
    {
        if (await ApiRequests.CheckAntiforgeryAsync(context).ConfigureAwait(false) is { } forged)
        {
            return forged;
        }

        var (body, problem) = await ApiRequests.ReadAsync<ChangePasswordBody>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await signIn.ChangePasswordAsync(context, body!.CurrentPassword, body.NewPassword, body.Confirmation, context.RequestAborted).ConfigureAwait(false);
        if (result.Status == ChangePasswordStatus.NotSignedIn)
        {
            return TypedResults.Unauthorized();
        }

        return TypedResults.Ok(new ChangePasswordResponse
        {
            Succeeded = result.Succeeded,
            Status = result.Status.ToString(),
            Message = result.Message,
            Hints = ApiRequests.Names(result.Hints),
            Advice = ApiRequests.Advice(context, result.Hints),
            PasswordProblems = ApiRequests.Names(result.PasswordProblems),
            ExpiresAt = result.ExpiresAt,
        });
    }
}
