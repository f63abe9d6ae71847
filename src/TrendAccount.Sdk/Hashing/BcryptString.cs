namespace TrendAccount.Sdk;

/// <summary>
/// Recognizes a standard bcrypt string: <c>$2&lt;rev&gt;$&lt;cost&gt;$&lt;22 salt chars&gt;&lt;31 hash chars&gt;</c>,
/// 60 characters of bcrypt's base64 alphabet (<c>./A-Za-z0-9</c>), cost 04–31 as two digits.
/// </summary>
internal static class BcryptString
{
    /// <summary>The length of a bcrypt string.</summary>
    internal const int Length = 60;

    /// <summary>Parses a bcrypt string without throwing.</summary>
    /// <param name="value">The candidate, possibly a slice of a longer string.</param>
    /// <param name="revision">The minor revision letter (<c>a</c>, <c>b</c>, <c>x</c>, <c>y</c>, …).</param>
    /// <param name="cost">The cost (log2 of the rounds).</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is exactly one well-formed bcrypt string.</returns>
    internal static bool TryParse(ReadOnlySpan<char> value, out char revision, out int cost)
    {
        revision = '\0';
        cost = 0;
        if (value.Length != Length || value[0] != '$' || value[1] != '2' || value[3] != '$' || value[6] != '$'
            || !char.IsAsciiLetterLower(value[2]) || !char.IsAsciiDigit(value[4]) || !char.IsAsciiDigit(value[5]))
        {
            return false;
        }

        var parsedCost = ((value[4] - '0') * 10) + (value[5] - '0');
        if (parsedCost is < 4 or > 31)
        {
            return false;
        }

        foreach (var c in value[7..])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '/'))
            {
                return false;
            }
        }

        revision = value[2];
        cost = parsedCost;
        return true;
    }
}
