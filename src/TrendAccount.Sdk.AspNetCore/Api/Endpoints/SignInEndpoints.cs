using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Sign-in, sign-out, the session and the antiforgery token: the one place these endpoints touch the SDK's sign-in types.</summary>
internal static class SignInEndpoints
{
    public static async Task<Results<Ok<SignInResponse>, JsonHttpResult<SignInResponse>, ProblemHttpResult>> SignInAsync(HttpContext context, TrendAccountSignInManager signIn)
    {
        var (body, problem) = await ApiRequests.ReadAsync<SignInBody>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await signIn.SignInAsync(context, body!.Email, body.Password, body.CaptchaResponse, context.RequestAborted).ConfigureAwait(false);
        return Answer(context, result);
    }

    /// <summary>200 whenever the flow ran (a <c>CaptchaRequired</c> status tells the client to show a captcha); overflow is 503 with <c>Retry-After</c>.</summary>
    internal static Results<Ok<SignInResponse>, JsonHttpResult<SignInResponse>, ProblemHttpResult> Answer(HttpContext context, SignInResult result)
    {
        var response = new SignInResponse
        {
            Succeeded = result.Succeeded,
            Status = result.Status.ToString(),
            Message = result.Message,
            Hints = ApiRequests.Names(result.Hints),
            Advice = ApiRequests.Advice(context, result.Hints),
            ExpiresAt = result.ExpiresAt,
            RetryAfterSeconds = result.RetryAfter is { } wait ? RetryAfterSeconds(wait) : null,
        };
        if (result.Status != SignInStatus.TryAgainLater)
        {
            return TypedResults.Ok(response);
        }

        context.Response.Headers.RetryAfter = RetryAfterSeconds(result.RetryAfter ?? TimeSpan.FromSeconds(1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Whole seconds, rounded up, at least 1 (<c>Retry-After: 0</c> invites an immediate retry).</summary>
    internal static long RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

    public static async Task<Results<NoContent, ProblemHttpResult>> SignOutAsync(HttpContext context, TrendAccountSignInManager signIn)
    {
        if (await ApiRequests.CheckAntiforgeryAsync(context).ConfigureAwait(false) is { } problem)
        {
            return problem;
        }

        await signIn.SignOutAsync(context, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    public static Ok<SessionResponse> Session(ClaimsPrincipal user) => TypedResults.Ok(new SessionResponse
    {
        AccountId = Guid.TryParse(user.FindFirstValue(TrendAccountClaimTypes.AccountId), out var id) ? id : Guid.Empty,
        Email = user.FindFirstValue(TrendAccountClaimTypes.Email) ?? "",
        ExpiresAt = DateTimeOffset.TryParse(user.FindFirstValue(TrendAccountClaimTypes.SessionExpiresAt), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var expires) ? expires : null,
        AbsoluteExpiresAt = DateTimeOffset.TryParse(user.FindFirstValue(TrendAccountClaimTypes.SessionAbsoluteExpiresAt), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var absolute) ? absolute : null,
    });

    public static Ok<AntiforgeryTokenResponse> Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryTokenResponse { RequestToken = tokens.RequestToken!, HeaderName = tokens.HeaderName! });
    }
}
