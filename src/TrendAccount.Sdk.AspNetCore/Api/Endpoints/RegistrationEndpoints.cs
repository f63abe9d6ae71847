using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Registration and product activation: the one place these endpoints touch the SDK's registration types.</summary>
internal static class RegistrationEndpoints
{
    public static async Task<Results<Ok<RegisterResponse>, ProblemHttpResult>> RegisterAsync(HttpContext context, IAccountService accounts)
    {
        var (body, problem) = await ApiRequests.ReadAsync<RegisterBody>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await accounts.RegisterAsync(
            new RegistrationRequest(body!.Serial, body.Email, body.Password, body.Confirmation, body.CaptchaResponse, context.GetTrendAccountClient()),
            context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new RegisterResponse
        {
            Succeeded = result.Succeeded,
            Status = result.Status.ToString(),
            Message = result.Message,
            Hints = ApiRequests.Names(result.Hints),
            Advice = ApiRequests.Advice(context, result.Hints),
            SerialProblem = result.SerialProblem.ToString(),
            EmailProblem = result.EmailProblem.ToString(),
            PasswordProblems = ApiRequests.Names(result.PasswordProblems),
            ResellerContact = result.ResellerContact,
            Serial = result.Serial,
        });
    }

    public static async Task<Results<Ok<ConfirmRegistrationResponse>, ProblemHttpResult>> ConfirmAsync(HttpContext context, IAccountService accounts)
    {
        var (body, problem) = await ApiRequests.ReadAsync<ConfirmRegistrationBody>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(body!.Token), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ConfirmRegistrationResponse
        {
            Succeeded = result.Succeeded,
            Status = result.Status.ToString(),
            Message = result.Message,
            Serial = result.Serial,
        });
    }

    public static async Task<Results<Ok<ActivateResponse>, ProblemHttpResult>> ActivateAsync(HttpContext context, IAccountService accounts)
    {
        var (body, problem) = await ApiRequests.ReadAsync<ActivateBody>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await accounts.ActivateProductAsync(new ProductActivationRequest(body!.Serial, body.ProductCode), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ActivateResponse
        {
            Succeeded = result.Succeeded,
            Status = result.Status.ToString(),
            Message = result.Message,
            Hints = ApiRequests.Names(result.Hints),
            Advice = ApiRequests.Advice(context, result.Hints),
            Serial = result.Serial,
            Channel = result.Channel.ToString(),
            ResellerContact = result.ResellerContact,
        });
    }
}
