using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrendAccount.Sdk.AspNetCore.UI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the support article's pages.</summary>
public static class TrendAccountUIServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pages of <c>TrendAccount.Sdk.AspNetCore.UI</c> (sign in at <c>/</c>, <c>/Register</c>,
    /// <c>/CantSignIn</c>, <c>/FindEmail</c>, <c>/ForgotPassword</c>, <c>/ChangePassword</c> for the emailed link, <c>/ConfirmRegistration</c> for the registration link,
    /// <c>/Account</c>): Razor Pages, the TrendAccount authentication scheme with <c>/</c> as its sign-in page, and
    /// the default captcha step. A page of the host at the same path replaces the package's, page by page.
    /// Map them with <c>app.MapTrendAccountUI()</c>. Calling this more than once is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets what the pages show around the forms; optional.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddTrendAccountUI(this IServiceCollection services, Action<TrendAccountUIOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TrendAccountUIOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The pages are found wherever the host starts from (a test host, a worker), not only when the entry
        // assembly references this one: add this assembly's parts unless discovery already did.
        services.AddRazorPages().ConfigureApplicationPartManager(manager =>
        {
            var assembly = typeof(TrendAccountUIOptions).Assembly;
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            {
                if (!manager.ApplicationParts.Any(existing => existing.GetType() == part.GetType() && existing.Name == part.Name))
                {
                    manager.ApplicationParts.Add(part);
                }
            }
        });
        services.AddTrendAccountAuthentication(authentication =>
        {
            if (!authentication.LoginPath.HasValue)
            {
                authentication.LoginPath = "/";
            }
        });
        services.TryAddSingleton<ITrendAccountCaptchaForm, TextCaptchaForm>();
        return services;
    }
}
