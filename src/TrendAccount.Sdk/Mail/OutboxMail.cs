namespace TrendAccount.Sdk;

/// <summary>
/// One account email in a durable outbox (<see cref="IMailOutbox"/>): the rendered message and its delivery state.
/// Immutable; built by the SDK when it writes the mail, by the store when it hands a claimed row back.
/// </summary>
public sealed record OutboxMail
{
    /// <summary>Gets the row's id. It never changes, and the delivered message's Message-Id is made from it (<see cref="AccountMessage.MessageId"/>), so a copy sent twice after a crash is recognisable.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the message to deliver.</summary>
    public required AccountMessage Message { get; init; }

    /// <summary>Gets the lane: urgent rows are claimed before notices.</summary>
    public required MailPriority Priority { get; init; }

    /// <summary>Gets when the mail was written (the change it reports happened then).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets how many delivery attempts have started, this one included when the row was just claimed.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets the claim this copy was handed out under; <see langword="null"/> before it is claimed. Completing or rescheduling the row needs it.</summary>
    public Guid? ClaimId { get; init; }

    /// <summary>Prints the id, kind, lane and attempts: never the recipient, the bodies or the link.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{nameof(OutboxMail)} {{ Id = {Id:N}, Kind = {Message?.Kind}, Priority = {Priority}, Attempts = {Attempts} }}";
}
