using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// Validates the values of <see cref="TrendAccountOptions"/>; every failure names its setting. Says nothing about
/// services: the pure building blocks work without any store, mailer or captcha (see <see cref="FlowRequirementsValidator"/>).
/// </summary>
internal sealed class TrendAccountOptionsValidator : IValidateOptions<TrendAccountOptions>
{
    public ValidateOptionsResult Validate(string? name, TrendAccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
