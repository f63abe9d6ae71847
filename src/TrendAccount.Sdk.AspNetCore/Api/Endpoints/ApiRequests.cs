using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>What every endpoint shares: reading the JSON body, misuse as ProblemDetails, antiforgery, 429.</summary>
internal static class ApiRequests
{
    public const string JsonContentType = "application/json";

    /// <summary>Reads the body; a missing body, another content type or malformed JSON is misuse (ProblemDetails).</summary>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type", detail: "Send the request body as application/json."));
        }

        try
        {
            var body = await context.Request.ReadFromJsonAsync<T>(context.RequestAborted).ConfigureAwait(false);
            return body is null
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing request body", detail: "This endpoint needs a JSON object."))
                : (body, null);
        }
        catch (JsonException)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body", detail: "The request body is not a JSON object of the expected shape."));
        }
    }

    /// <summary>
    /// A call that carries the session cookie acts for the signed-in customer, so another site must not be able to
    /// make it: it needs the antiforgery token (<c>GET {prefix}/antiforgery</c>) in the antiforgery header.
    /// </summary>
    public static async Task<ProblemHttpResult?> CheckAntiforgeryAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<TrendAccountAuthenticationOptions>>().Get(TrendAccountAuthenticationDefaults.AuthenticationScheme);
        if (SessionCookie.Read(context, options) is null)
        {
            return null;
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid", detail: "Send the token from GET antiforgery (fetched after signing in) in its header.");
    }

    /// <summary>A limit was reached: 429 with the answer and <c>Retry-After</c> (the limit's window, the longest wait).</summary>
    public static JsonHttpResult<T> TooManyRequests<T>(HttpContext context, T response, TimeSpan window)
    {
        context.Response.Headers.RetryAfter = ((long)Math.Ceiling(window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Json(response, statusCode: StatusCodes.Status429TooManyRequests);
    }

    public static TrendAccountOptions SdkOptions(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<TrendAccountOptions>>().Value;

    public static IReadOnlyList<string> Names(InputHints hints)
    {
        if (hints == InputHints.None)
        {
            return [];
        }

        var names = new List<string>();
        foreach (var flag in Enum.GetValues<InputHints>())
        {
            if (flag != InputHints.None && hints.HasFlag(flag))
            {
                names.Add(flag.ToString());
            }
        }

        return names;
    }

    public static IReadOnlyList<string> Names<TEnum>(IEnumerable<TEnum> values)
        where TEnum : struct, Enum =>
        values.Select(v => v.ToString()).ToArray();

    public static string? Advice(HttpContext context, InputHints hints)
    {
        if (hints == InputHints.None)
        {
            return null;
        }

        var text = context.RequestServices.GetRequiredService<TrendAccountMessages>().DescribeHints(hints);
        return text.Length == 0 ? null : text;
    }
}
