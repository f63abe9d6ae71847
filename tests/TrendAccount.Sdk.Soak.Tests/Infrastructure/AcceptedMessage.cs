namespace TrendAccount.Sdk.Soak.Tests.Infrastructure;

/// <summary>One message the server accepted (replied 250 to), as parsed.</summary>
/// <param name="MessageId">The Message-Id header, without angle brackets.</param>
/// <param name="To">The envelope recipient.</param>
/// <param name="Kind">The <c>X-TrendAccount-Kind</c> header.</param>
/// <param name="TextBody">The plain-text body.</param>
/// <param name="Sequence">The order of acceptance, from 1.</param>
public sealed record AcceptedMessage(string MessageId, string To, string Kind, string TextBody, long Sequence)
{
    /// <summary>Gets the first line of the text body that starts with <paramref name="linkBase"/>, or <see langword="null"/>.</summary>
    /// <param name="linkBase">The link's base URL.</param>
    /// <returns>The token after the base, or <see langword="null"/>.</returns>
    public string? TokenAfter(string linkBase) =>
        TextBody.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(linkBase, StringComparison.Ordinal)) is { } line
            ? line[linkBase.Length..]
            : null;
}
