using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TrendAccount.Sdk.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the TrendAccount JSON endpoints.</summary>
public static class TrendAccountEndpointRouteBuilderExtensions
{
    /// <summary>The default route prefix of <see cref="MapTrendAccountApi"/>: <c>/account</c>.</summary>
    public const string DefaultPrefix = "/account";

    private const string Json = ApiRequests.JsonContentType;
    private const string Tag = "TrendAccount";

    /// <summary>
    /// Maps every customer flow of the support article as minimal-API JSON endpoints under <paramref name="prefix"/>:
    /// <c>POST signin</c>, <c>POST signout</c>, <c>GET session</c>, <c>GET antiforgery</c>, <c>POST register</c>,
    /// <c>POST forgot-email</c>, <c>POST forgot-password</c>, <c>POST reset-password/validate</c>,
    /// <c>POST reset-password</c>, <c>POST change-password</c> and <c>POST troubleshoot</c>.
    /// </summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="prefix">The route prefix; <see cref="DefaultPrefix"/> by default.</param>
    /// <returns>The group, to add conventions (rate limiting, CORS, more metadata).</returns>
    /// <remarks>
    /// A flow that ran answers 200 with its result (read <c>succeeded</c> and <c>status</c>), the same for existing and
    /// unknown accounts wherever the SDK answers the same; misuse (no JSON body, malformed JSON) answers a 400 or 415
    /// ProblemDetails; a client over a limit gets 429 with <c>Retry-After</c>; calls that act for the signed-in
    /// customer need the antiforgery token. Needs <c>AddTrendAccount(...)</c> and <c>AddTrendAccountAuthentication()</c>.
    /// Product activation is not here: see <see cref="MapTrendAccountActivationApi"/>.
    /// </remarks>
    public static RouteGroupBuilder MapTrendAccountApi(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var group = endpoints.MapGroup(prefix).WithTags(Tag);
        var signedIn = new AuthorizeAttribute { AuthenticationSchemes = TrendAccountAuthenticationDefaults.AuthenticationScheme };

        group.MapPost("/signin", SignInEndpoints.SignInAsync)
            .WithName("TrendAccountSignIn").WithSummary("Sign in; sets the session and device cookies on success. Status CaptchaRequired: send captchaResponse with the next attempt.")
            .Accepts<SignInBody>(Json).Produces<SignInResponse>(StatusCodes.Status503ServiceUnavailable).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/signout", SignInEndpoints.SignOutAsync)
            .WithName("TrendAccountSignOut").WithSummary("End the session and delete the cookie (antiforgery token required when signed in).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/session", SignInEndpoints.Session)
            .WithName("TrendAccountSession").WithSummary("Who is signed in, and until when.")
            .RequireAuthorization(signedIn).Produces(StatusCodes.Status401Unauthorized);
        group.MapGet("/antiforgery", SignInEndpoints.Antiforgery)
            .WithName("TrendAccountAntiforgery").WithSummary("The antiforgery token for calls made while signed in.");
        group.MapPost("/register", RegistrationEndpoints.RegisterAsync)
            .WithName("TrendAccountRegister").WithSummary("Ask to create an account for an activated serial; the same \"check your email\" answer for every address.")
            .Accepts<RegisterBody>(Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/register/confirm", RegistrationEndpoints.ConfirmAsync)
            .WithName("TrendAccountConfirmRegistration").WithSummary("Create the account with the token from a \"confirm your registration\" link (single use).")
            .Accepts<ConfirmRegistrationBody>(Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/forgot-email", RecoveryEndpoints.ForgotEmailAsync)
            .WithName("TrendAccountForgotEmail").WithSummary("\"Check Now\": recover the address registered with a serial.")
            .Accepts<ForgotEmailBody>(Json).Produces<ForgotEmailResponse>(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/forgot-password", RecoveryEndpoints.ForgotPasswordAsync)
            .WithName("TrendAccountForgotPassword").WithSummary("\"Retrieve\": mail a reset link; the same answer for every address.")
            .Accepts<ForgotPasswordBody>(Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/reset-password/validate", RecoveryEndpoints.ValidateResetLinkAsync)
            .WithName("TrendAccountValidateResetLink").WithSummary("Tell whether a reset link still works, before showing the form.")
            .Accepts<ResetLinkBody>(Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/reset-password", RecoveryEndpoints.ResetPasswordAsync)
            .WithName("TrendAccountResetPassword").WithSummary("\"Update Password\" with the token from a reset link.")
            .Accepts<ResetPasswordBody>(Json).Produces<ResetPasswordResponse>(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/change-password", SessionEndpoints.ChangePasswordAsync)
            .WithName("TrendAccountChangePassword").WithSummary("Change the signed-in customer's password; replaces the cookie.")
            .RequireAuthorization(signedIn).Produces(StatusCodes.Status401Unauthorized)
            .Accepts<ChangePasswordBody>(Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/troubleshoot", TroubleshootingEndpoints.TroubleshootAsync)
            .WithName("TrendAccountTroubleshoot").WithSummary("The support article's steps for a customer who cannot sign in.")
            .Accepts<TroubleshootBody>(Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }

    /// <summary>
    /// Maps <c>POST {prefix}/activate</c>, which records that a program was installed and activated with a serial.
    /// Meant for the product's activation backend, not for customers: protect it, for example with
    /// <c>.RequireAuthorization("ActivationBackend")</c>.
    /// </summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="prefix">The route prefix; <see cref="DefaultPrefix"/> by default.</param>
    /// <returns>The endpoint, to add its authorization.</returns>
    public static RouteHandlerBuilder MapTrendAccountActivationApi(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        return endpoints.MapGroup(prefix).WithTags(Tag)
            .MapPost("/activate", RegistrationEndpoints.ActivateAsync)
            .WithName("TrendAccountActivate").WithSummary("Record a product activation (activation backend only).")
            .Accepts<ActivateBody>(Json).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }
}
