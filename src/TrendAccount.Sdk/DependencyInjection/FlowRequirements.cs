using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// A marker validated on start (and when <see cref="IAccountService"/> is first resolved): the flows need their ports
/// and the reset link's base URL, the building blocks do not.
/// </summary>
internal sealed class FlowRequirements
{
}

/// <summary>
/// Checks that the host chose the services the flows cannot run without, naming the builder call that adds each,
/// and that <see cref="RecoveryOptions.ResetLinkBaseUrl"/> and <see cref="RecoveryOptions.RegistrationLinkBaseUrl"/> are set.
/// </summary>
internal sealed class FlowRequirementsValidator : IValidateOptions<FlowRequirements>
{
    private static readonly Type[] Ports = [typeof(IAccountStore), typeof(ITokenStore), typeof(IAccountMailer), typeof(ICaptchaVerifier)];

    private readonly IOptions<TrendAccountOptions> _options;
    private readonly IServiceProviderIsService? _isService;

    public FlowRequirementsValidator(IOptions<TrendAccountOptions> options, IServiceProviderIsService? isService)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _isService = isService;
    }

    public ValidateOptionsResult Validate(string? name, FlowRequirements options)
    {
        TrendAccountOptions values;
        try
        {
            values = _options.Value;
        }
        catch (OptionsValidationException)
        {
            // Bad values are reported once, by the options' own validator; the ports are checked when they are fixed.
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (values.Recovery.ResetLinkBaseUrl is null)
        {
            failures.Add(
                "TrendAccount:Recovery:ResetLinkBaseUrl is required: set it to the absolute https URL of your " +
                "\"change your password now\" page (the token is appended to it), e.g. https://example.com/reset-password?token=.");
        }

        if (values.Recovery.RegistrationLinkBaseUrl is null)
        {
            failures.Add(
                "TrendAccount:Recovery:RegistrationLinkBaseUrl is required: set it to the absolute https URL of your " +
                "\"confirm your registration\" page (the token is appended to it), e.g. https://example.com/confirm-registration?token=.");
        }

        if (_isService is not null)
        {
            failures.AddRange(Ports.Where(port => !_isService.IsService(port)).Select(Missing));
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
