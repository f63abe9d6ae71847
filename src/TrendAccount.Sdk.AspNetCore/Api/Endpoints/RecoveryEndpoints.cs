using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Forgot email, forgot password, reset link check and reset: the one place these endpoints touch the SDK's recovery types.</summary>
internal static class RecoveryEndpoints
{
    public static async Task<Results<Ok<ForgotEmailResponse>, JsonHttpResult<ForgotEmailResponse>, ProblemHttpResult>> ForgotEmailAsync(HttpContext context, IAccountService accounts)
    {
        var (body, problem) = await ApiRequests.ReadAsync<ForgotEmailBody>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await accounts.RecoverEmailAsync(new EmailRecoveryRequest(body!.Serial, body.CaptchaResponse, context.GetTrendAccountClient()), context.RequestAborted).ConfigureAwait(false);
        var response = new ForgotEmailResponse
        {
            Succeeded = result.Succeeded,
            Status = result.Status.ToString(),
            Message = result.Message,
            Hints = ApiRequests.Names(result.Hints),
            Advice = ApiRequests.Advice(context, result.Hints),
            MaskedEmail = result.MaskedEmail,
            ResellerContact = result.ResellerContact,
        };
        return result.Status == EmailRecoveryStatus.RateLimited
            ? ApiRequests.TooManyRequests(context, response, ApiRequests.SdkOptions(context).RateLimits.EmailRecoveryPerClient.Window)
            : TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<ForgotPasswordResponse>, ProblemHttpResult>> ForgotPasswordAsync(HttpContext context, IAccountService accounts, TrendAccountSignInManager signIn)
    {
        var (body, problem) = await ApiRequests.ReadAsync<ForgotPasswordBody>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        // The SDK answers Accepted for every address, and also when a per-address limit is reached (then it sends
        // nothing): a 429 here would tell which addresses were asked about, so there is none. The device cookie goes
        // along as it does to sign-in: the owner's trusted device has its own budget.
        var request = new ForgotPasswordRequest(body!.Email, body.CaptchaResponse, context.GetTrendAccountClient()) { DeviceToken = signIn.GetDeviceToken(context) };
        var result = await accounts.RequestPasswordResetAsync(request, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ForgotPasswordResponse
        {
            Succeeded = result.Succeeded,
            Status = result.Status.ToString(),
            Message = result.Message,
            Hints = ApiRequests.Names(result.Hints),
            Advice = ApiRequests.Advice(context, result.Hints),
            EmailProblem = result.EmailProblem.ToString(),
        });
    }

    public static async Task<Results<Ok<ResetLinkResponse>, ProblemHttpResult>> ValidateResetLinkAsync(HttpContext context, IAccountService accounts)
    {
        var (body, problem) = await ApiRequests.ReadAsync<ResetLinkBody>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var valid = await accounts.IsPasswordResetLinkValidAsync(body!.Token, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ResetLinkResponse { Valid = valid });
    }

    public static async Task<Results<Ok<ResetPasswordResponse>, JsonHttpResult<ResetPasswordResponse>, ProblemHttpResult>> ResetPasswordAsync(
        HttpContext context, IAccountService accounts, TrendAccountSignInManager signIn)
    {
        var (body, problem) = await ApiRequests.ReadAsync<ResetPasswordBody>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await accounts.ResetPasswordAsync(
            new ResetPasswordRequest(body!.Token, body.NewPassword, body.Confirmation, context.GetTrendAccountClient()), context.RequestAborted).ConfigureAwait(false);
        if (result.Succeeded)
        {
            signIn.ForgetCachedSessions();
        }

        var response = new ResetPasswordResponse
        {
            Succeeded = result.Succeeded,
            Status = result.Status.ToString(),
            Message = result.Message,
            Hints = ApiRequests.Names(result.Hints),
            Advice = ApiRequests.Advice(context, result.Hints),
            PasswordProblems = ApiRequests.Names(result.PasswordProblems),
        };
        return result.Status == ResetPasswordStatus.RateLimited
            ? ApiRequests.TooManyRequests(context, response, ApiRequests.SdkOptions(context).RateLimits.InvalidResetTokensPerClient.Window)
            : TypedResults.Ok(response);
    }
}
