using Microsoft.Extensions.Time.Testing;

namespace TrendAccount.Sdk.Soak.Tests.Infrastructure;

/// <summary>Everything the two nodes of one soak run share, as the nodes of one farm share configuration and servers.</summary>
/// <param name="Database">The PostgreSQL database.</param>
/// <param name="RedisConfiguration">The Redis server.</param>
/// <param name="RedisKeyPrefix">The key prefix of this run.</param>
/// <param name="SmtpPort">The SMTP server's port.</param>
/// <param name="Time">The farm's clock (see <see cref="SoakClock"/>).</param>
/// <param name="Pepper">The hashing pepper every node is configured with.</param>
public sealed record FarmSettings(SoakDatabase Database, string RedisConfiguration, string RedisKeyPrefix, int SmtpPort, FakeTimeProvider Time, string Pepper);
