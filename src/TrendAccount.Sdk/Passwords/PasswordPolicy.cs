using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// Decides whether a new password may be used: 8–50 characters by default, counted in Unicode scalar
/// values after NFKC, no composition rules (NIST SP 800-63B). Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The rules, each reported as a <see cref="PasswordProblem"/>: the length in Unicode scalar values of the NFKC
/// form (eight emoji are eight characters); the confirmation, when given, must equal the password after NFKC;
/// no control character (tab and line breaks included, since a customer cannot retype them reliably), lone
/// surrogate or noncharacter; not on the blocklist (ignoring case) when
/// <see cref="PasswordOptions.UseBlocklist"/> is set; not equal, ignoring case, to the account's email address,
/// its local part or the product serial (with or without its hyphens).
/// </para>
/// <para>
/// The options are read once, when the policy is created. Text longer than eight UTF-16 code units per allowed
/// character is too long whatever its normal form, so it is refused without being normalized or looked up.
/// </para>
/// </remarks>
public sealed class PasswordPolicy
{
    private const int TooShort = 1 << (PasswordProblem.TooShort - PasswordProblem.TooShort);
    private const int TooLong = 1 << (PasswordProblem.TooLong - PasswordProblem.TooShort);
    private const int ConfirmationMismatch = 1 << (PasswordProblem.ConfirmationMismatch - PasswordProblem.TooShort);
    private const int InvalidCharacters = 1 << (PasswordProblem.InvalidCharacters - PasswordProblem.TooShort);
    private const int Blocklisted = 1 << (PasswordProblem.Blocklisted - PasswordProblem.TooShort);
    private const int ContainsAccountDetails = 1 << (PasswordProblem.ContainsAccountDetails - PasswordProblem.TooShort);

    private readonly int _minimumLength;
    private readonly int _maximumLength;
    private readonly IPasswordBlocklist? _blocklist;

    /// <summary>Initializes a new instance of the <see cref="PasswordPolicy"/> class with the default options and the built-in blocklist.</summary>
    public PasswordPolicy()
        : this(new PasswordOptions(), null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PasswordPolicy"/> class with the built-in blocklist.</summary>
    /// <param name="options">The password options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The length limits are not valid.</exception>
    public PasswordPolicy(IOptions<PasswordOptions> options)
        : this(options, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PasswordPolicy"/> class.</summary>
    /// <param name="options">The password options.</param>
    /// <param name="blocklist">The blocklist; the built-in one when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The length limits are not valid.</exception>
    public PasswordPolicy(IOptions<PasswordOptions> options, IPasswordBlocklist? blocklist)
        : this(OptionsValue(options), blocklist)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PasswordPolicy"/> class.</summary>
    /// <param name="options">The password options.</param>
    /// <param name="blocklist">
    /// The blocklist; <see cref="CommonPasswordBlocklist.Default"/> when <see langword="null"/>. Not used when
    /// <see cref="PasswordOptions.UseBlocklist"/> is <see langword="false"/>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The length limits break 1 ≤ minimum ≤ maximum ≤ <see cref="PasswordOptions.MaximumAllowedLength"/> (256).</exception>
    public PasswordPolicy(PasswordOptions options, IPasswordBlocklist? blocklist)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        options.Validate(failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(OptionsSection.Name, typeof(PasswordOptions), failures);
        }

        _minimumLength = options.MinimumLength;
        _maximumLength = options.MaximumLength;
        _blocklist = options.UseBlocklist ? blocklist ?? CommonPasswordBlocklist.Default : null;
    }

    private static PasswordOptions OptionsValue(IOptions<PasswordOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value;
    }

    /// <summary>Validates a new password. Never throws for any string.</summary>
    /// <param name="password">The new password as typed.</param>
    /// <param name="confirmation">The confirmation as typed; not compared when <see langword="null"/>.</param>
    /// <param name="context">Account details the password must not repeat.</param>
    /// <returns>Every problem found.</returns>
    /// <remarks>
    /// Input longer than <see cref="CredentialNormalizer.MaximumPasswordInputLength"/> UTF-16 code units is
    /// <see cref="PasswordProblem.TooLong"/> before any normalization; anything shorter is counted in Unicode scalar
    /// values after NFKC. The context is bounded the same way: an address longer than
    /// <see cref="CredentialNormalizer.MaximumEmailInputLength"/> or a serial longer than
    /// <see cref="SerialClassifier.MaximumInputLength"/> is not normalized and not compared (no account has one).
    /// </remarks>
    public PasswordValidation Validate(string? password, string? confirmation = null, PasswordContext? context = null)
    {
        if (string.IsNullOrEmpty(password) || password.Length > CredentialNormalizer.MaximumPasswordInputLength)
        {
            return ValidateNormalized(password, confirmation, context);
        }

        var normalized = PasswordText.ToNfkc(password);
        var normalizedConfirmation = confirmation is null ? null
            : string.Equals(password, confirmation, StringComparison.Ordinal) ? normalized
            : confirmation.Length > CredentialNormalizer.MaximumPasswordInputLength ? confirmation
            : PasswordText.ToNfkc(confirmation);
        return ValidateNormalized(normalized, normalizedConfirmation, context);
    }

    /// <summary>
    /// Validates a password that is already in NFKC (<see cref="CredentialNormalizer.NormalizePassword"/>), so the
    /// flows normalize once per request. Input over the cap is reported as it is, without normalization.
    /// </summary>
    internal PasswordValidation ValidateNormalized(string? password, string? confirmation, PasswordContext? context)
    {
        if (string.IsNullOrEmpty(password))
        {
            // Nothing typed: only the length, and a confirmation that has something in it, can be wrong.
            return PasswordValidation.FromMask(TooShort | (string.IsNullOrEmpty(confirmation) ? 0 : ConfirmationMismatch));
        }

        var problems = 0;
        var oversized = password.Length > CredentialNormalizer.MaximumPasswordInputLength;
        if (oversized)
        {
            // Too long whatever its NFKC form: report the characters, skip look-ups.
            problems |= TooLong;
            if (!PasswordText.IsPrintableAscii(password))
            {
                _ = PasswordText.CountScalars(password, out var invalid);
                problems |= invalid ? InvalidCharacters : 0;
            }
        }
        else
        {
            int length;
            if (PasswordText.IsPrintableAscii(password))
            {
                // Printable ASCII: one scalar value per character, nothing forbidden.
                length = password.Length;
            }
            else
            {
                length = PasswordText.CountScalars(password, out var invalid);
                problems |= invalid ? InvalidCharacters : 0;
            }

            problems |= length < _minimumLength ? TooShort : 0;
            problems |= length > _maximumLength ? TooLong : 0;
        }

        if (confirmation is not null && !string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            problems |= ConfirmationMismatch;
        }

        if (!oversized)
        {
            problems |= _blocklist is not null && _blocklist.Contains(password) ? Blocklisted : 0;
            problems |= context is not null && RepeatsAccountDetails(password, context) ? ContainsAccountDetails : 0;
        }

        return PasswordValidation.FromMask(problems);
    }

    // The context's address and serial are bounded before they are normalized, like every other input: NFKC's
    // reordering of combining marks is roughly quadratic, and a 32,000-mark address cost seconds (issue #11, item 12).
    // Nothing longer than the caps can be an account's address or serial, so it is not compared.
    private static bool RepeatsAccountDetails(string password, PasswordContext context)
    {
        if (!string.IsNullOrWhiteSpace(context.Email) && context.Email.Length <= CredentialNormalizer.MaximumEmailInputLength)
        {
            var email = PasswordText.ToNfkc(context.Email).AsSpan().Trim();
            if (password.AsSpan().Equals(email, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var at = email.LastIndexOf('@');
            if (at > 0 && password.AsSpan().Equals(email[..at], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return !string.IsNullOrWhiteSpace(context.Serial)
            && context.Serial.Length <= SerialClassifier.MaximumInputLength
            && EqualsIgnoringSeparators(password, PasswordText.ToNfkc(context.Serial));
    }

    /// <summary>
    /// Compares a password with a serial ignoring case, hyphens and spaces on both sides, so that
    /// <c>abcd1234efgh5678ijkl</c> repeats the serial <c>ABCD-1234-EFGH-5678-IJKL</c>.
    /// </summary>
    private static bool EqualsIgnoringSeparators(ReadOnlySpan<char> password, ReadOnlySpan<char> serial)
    {
        var i = 0;
        var j = 0;
        var compared = 0;
        while (true)
        {
            while (i < password.Length && IsSeparator(password[i]))
            {
                i++;
            }

            while (j < serial.Length && IsSeparator(serial[j]))
            {
                j++;
            }

            if (i == password.Length || j == serial.Length)
            {
                return i == password.Length && j == serial.Length && compared > 0;
            }

            if (char.ToUpperInvariant(password[i]) != char.ToUpperInvariant(serial[j]))
            {
                return false;
            }

            i++;
            j++;
            compared++;
        }
    }

    private static bool IsSeparator(char c) => c is '-' or ' ';
}
