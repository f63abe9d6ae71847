using System.Collections.Concurrent;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>Stable lower-case outcome codes for metrics and activities, derived from the stable enum names.</summary>
internal static class Outcomes
{
    /// <summary>Turns <c>SerialAlreadyRegistered</c> into <c>serial_already_registered</c> (computed once per value).</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Cache<TEnum>.Codes.GetOrAdd(value, static v => ToSnakeCase(v.ToString()));

    private static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<TEnum, string> Codes = new();
    }
}
