using System.Text;

namespace TrendAccount.Sdk;

/// <summary>Account details a new password must not repeat. Immutable.</summary>
/// <param name="Email">The account's email address, if known.</param>
/// <param name="Serial">The product serial number, if known.</param>
/// <remarks><see cref="object.ToString"/> prints neither, so a context that reaches a log gives away neither.</remarks>
public sealed record PasswordContext(string? Email = null, string? Serial = null)
{
    // The compiler-generated ToString would print the address and the serial as they are.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Email = ").Append(Email is null ? "(none)" : "***");
        builder.Append(", Serial = ").Append(Serial is null ? "(none)" : "***");
        return true;
    }
}
