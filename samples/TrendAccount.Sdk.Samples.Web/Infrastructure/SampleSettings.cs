namespace TrendAccount.Sdk.Samples.Web.Infrastructure;

/// <summary>The sample's own settings, resolved at start-up.</summary>
/// <param name="Development">Whether the development-only pages (Outbox, Clock) are served.</param>
/// <param name="PickupDirectory">The folder the pickup-directory mailer writes to.</param>
/// <param name="SeedSerial">The serial activated at start-up: Development only, <see langword="null"/> elsewhere.</param>
public sealed record SampleSettings(bool Development, string PickupDirectory, string? SeedSerial);
