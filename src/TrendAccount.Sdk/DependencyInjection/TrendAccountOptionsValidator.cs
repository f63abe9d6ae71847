using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// Validates <see cref="TrendAccountOptions"/> (every failure names its setting) and checks that the host chose the
/// services the flows cannot run without, naming the builder call that adds each.
/// </summary>
internal sealed class TrendAccountOptionsValidator : IValidateOptions<TrendAccountOptions>
{
    private readonly IServiceProviderIsService? _isService;

    public TrendAccountOptionsValidator(IServiceProviderIsService? isService) => _isService = isService;

    public ValidateOptionsResult Validate(string? name, TrendAccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(options.Validate());
        if (options.Recovery.ResetLinkBaseUrl is null)
        {
            failures.Add(
                "TrendAccount:Recovery:ResetLinkBaseUrl is required: set it to the absolute https URL of your " +
                "\"change your password now\" page (the token is appended to it), e.g. https://example.com/reset-password?token=.");
        }

        if (_isService is not null)
        {
            foreach (var service in new[] { typeof(IAccountStore), typeof(ITokenStore), typeof(IAccountMailer), typeof(ICaptchaVerifier) })
            {
                if (!_isService.IsService(service))
                {
                    failures.Add(Missing(service));
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static string Missing(Type service) => service == typeof(IAccountStore) || service == typeof(ITokenStore)
        ? $"TrendAccount: no {service.Name} is registered. Call services.AddTrendAccount(...).UseInMemoryStores() for one process, " +
          "or a store adapter such as .UseEntityFrameworkStores<TContext>()."
        : service == typeof(IAccountMailer)
            ? "TrendAccount: no IAccountMailer is registered. Call services.AddTrendAccount(...).UseMailer<TMailer>() or .UseMailer(instance), " +
              "or a mail adapter such as .UseSmtpMailer(...) or .UsePickupDirectoryMailer(...)."
            : service == typeof(ICaptchaVerifier)
                ? "TrendAccount: no ICaptchaVerifier is registered. Call services.AddTrendAccount(...).UseCaptchaVerifier<TVerifier>() or .UseCaptchaVerifier(instance)."
                : $"TrendAccount: no {service.Name} is registered.";
}
