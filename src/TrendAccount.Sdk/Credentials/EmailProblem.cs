namespace TrendAccount.Sdk;

/// <summary>Why an email address was rejected. Values are stable and never renumbered.</summary>
public enum EmailProblem
{
    /// <summary>The address is valid.</summary>
    None = 0,

    /// <summary>Nothing (or only whitespace and invisible characters) was typed.</summary>
    Empty = 1,

    /// <summary>Over 254 characters in all, or over 64 in the local part.</summary>
    TooLong = 2,

    /// <summary>Not of the form <c>local@domain.tld</c>, or a domain label is invalid.</summary>
    Malformed = 3,

    /// <summary>Whitespace inside the address.</summary>
    InnerWhitespace = 4,

    /// <summary>A separator is duplicated or misplaced: <c>@@</c>, two <c>@</c>, <c>..</c>, <c>.@</c>, <c>@.</c>, a leading or trailing dot.</summary>
    RepeatedSeparator = 5,

    /// <summary>Control characters, lone surrogates or other characters no address may hold.</summary>
    InvalidCharacters = 6,
}
