using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.MailKit;

/// <summary>
/// Validates <see cref="PickupDirectoryMailerOptions"/> at start-up; skips when another mailer replaced the pickup
/// directory mailer.
/// </summary>
internal sealed class PickupDirectoryMailerOptionsValidator : IValidateOptions<PickupDirectoryMailerOptions>
{
    private const string Setting = PickupDirectoryMailerOptions.SectionName + ":Directory";
    private readonly Func<bool> _isInUse;

    public PickupDirectoryMailerOptionsValidator(Func<bool> isInUse) => _isInUse = isInUse;

    public ValidateOptionsResult Validate(string? name, PickupDirectoryMailerOptions options)
    {
        if (!string.IsNullOrEmpty(name) || !_isInUse())
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static void ThrowIfInvalid(PickupDirectoryMailerOptions options)
    {
        var failures = Collect(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PickupDirectoryMailerOptions), failures);
        }
    }

    public static List<string> Collect(PickupDirectoryMailerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{Setting} is required.");
        }
        else if (options.Directory.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{Setting} ('{options.Directory}') contains characters that cannot be used in a path.");
        }

        return failures;
    }
}
