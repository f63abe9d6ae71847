using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TrendAccount.Sdk.EntityFrameworkCore;
using TrendAccount.Sdk.MailKit;
using TrendAccount.Sdk.Redis.Internal;
using TrendAccount.Sdk.Redis.Tests.Infrastructure;
using TrendAccount.Sdk.Soak.Tests.Infrastructure;
using TrendAccount.Sdk.Soak.Tests.Workloads;
using TrendAccount.Sdk.Testing;
using Xunit.Abstractions;

namespace TrendAccount.Sdk.Soak.Tests;

/// <summary>
/// Issue #13's bounded soak: two nodes (two service providers) share one PostgreSQL database and one Redis, each with
/// the EF Core store, the durable outbox delivered by its hosted service, the Redis attempt counter and the MailKit
/// SMTP sender. For <see cref="SoakSettings.Duration"/> of wall time they serve sign-ins (right and wrong passwords,
/// many clients), "forgot password" with the reset completed through the mailed link, and registrations confirmed
/// through the mailed link, while the SMTP server refuses messages and then connections for a stretch, and Redis is
/// killed and started again (empty). Then the outbox is drained and the test checks what it promised.
/// </summary>
/// <remarks>
/// <para>Timeline (fractions of the duration): 0.15 the per-client limit is reached from one client on both nodes
/// (Redis up: once in total); 0.25 SMTP refuses every message (451 and 554); 0.35 the Redis counts are checked and
/// Redis is killed; 0.42 SMTP stops listening; 0.45 the limit is reached again (Redis down: once per node, the
/// documented per-process fallback); 0.55 Redis is started again, the test waits until both nodes count in it again
/// and reaches the limit a third time (once in total); 0.72 SMTP accepts again; 1.0 the workloads stop starting work
/// and finish what waits for mail; the outbox drains.</para>
/// <para>Mail accepted: every outbox row is delivered; the SMTP server holds each row's Message-Id at least once, and
/// more than once only if the row recorded at least as many attempts (a retry after a failure the server did not
/// see). With the settings here a retry should never follow an accepted message, so the run also reports how many
/// such duplicates there were. No row is dead: the outbox allows <see cref="SoakNode.MaximumAttempts"/> attempts, and
/// with the farm clock at five times real time and the retry delay capped at eight farm seconds, a refusal of R real
/// seconds costs a mail at most about 5 + 5R/8 attempts — under 100 for any refusal shorter than two and a half
/// minutes, and this one lasts about half the run plus Redis's recovery.</para>
/// </remarks>
[SoakServers]
public sealed class ManyNodeSoakTests(ITestOutputHelper output)
{
    private const int SignInAccounts = 6;
    private const int ResetAccounts = 6;
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(90);

    private readonly List<string> _problems = [];
    private readonly List<string> _figures = [];

    [Fact]
    public async Task TwoNodes_RedisRestartAndSmtpRefusalMidRun_EveryMailDeliveredOnceCountersExactAndNoTokenWithoutItsChange()
    {
        var duration = SoakSettings.Duration;
        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await using var database = await SoakDatabase.CreateAsync();
        await using var redis = await RedisServerProcess.StartAsync();
        await using var smtp = await SoakSmtpServer.StartAsync();
        await using var clock = new SoakClock();
        var prefix = $"trendaccount-soak:{runId}:";
        var settings = new FarmSettings(database, redis.Configuration, prefix, smtp.Port, clock.Time, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await using var a = SoakNode.Create("a", settings);
        await using var b = SoakNode.Create("b", settings);
        var farm = new Farm(a, b, smtp, runId);

        var signInAccounts = Enumerable.Range(0, SignInAccounts).Select(i => new SignInAccount($"signin.{runId}.{i}@example.com", $"Blue-Kettle-{i}-Harbor")).ToArray();
        var resetAccounts = Enumerable.Range(0, ResetAccounts).Select(i => new ResetAccount($"reset.{runId}.{i}@example.com", $"Green-Valley-{i}-Orchard")).ToArray();
        foreach (var (email, password) in signInAccounts.Select(s => (s.Email, s.Password)).Concat(resetAccounts.Select(r => (r.Email, r.InitialPassword))))
        {
            await CreateAccountAsync(a, clock.Time.GetUtcNow(), email, password);
        }

        await a.StartAsync();
        await b.StartAsync();
        using var deadline = new CancellationTokenSource(duration + DrainDeadline + RecoveryDeadline);
        var signIns = new SignInWorkload(farm, signInAccounts, workers: 3);
        var resets = new ResetWorkload(farm, resetAccounts, workers: 2);
        var registrations = new RegistrationWorkload(farm, signInAccounts, workers: 2);
        var running = Task.WhenAll(signIns.RunAsync(), resets.RunAsync(deadline.Token), registrations.RunAsync(deadline.Token));
        var timeline = Stopwatch.StartNew();
        var bursts = new List<(string Client, int Succeeded)>();
        long snapshotMark, killedMark, restartMark, recoveredMark;
        try
        {
            await At(0.15);
            bursts.Add(await BurstAsync(farm, "198.51.100.1", signInAccounts[0]));
            Expect(bursts[^1].Succeeded == SoakNode.PerClientSignIns, $"Redis up: {2 * SoakNode.PerClientSignIns + 2} sign-ins from one client over both nodes admitted {bursts[^1].Succeeded}, expected the limit once ({SoakNode.PerClientSignIns})");

            await At(0.25);
            await smtp.SwitchAsync(SmtpMode.RefusingMessages);

            await At(0.35);
            Expect(!a.IsFallingBack && !b.IsFallingBack, $"a node counted per process before Redis was killed (a: {a.IsFallingBack}, b: {b.IsFallingBack}): a Redis call failed under load");
            snapshotMark = farm.Mark();
            await CheckRedisCountsAsync(redis.Configuration, prefix, ClientsWithin(signIns.Attempts, after: 0, before: snapshotMark), "before the kill", bursts[0]);
            await redis.KillAsync();
            killedMark = farm.Mark();

            await At(0.42);
            await smtp.SwitchAsync(SmtpMode.Down);

            await At(0.45);
            bursts.Add(await BurstAsync(farm, "198.51.100.2", signInAccounts[1]));
            Expect(bursts[^1].Succeeded == 2 * SoakNode.PerClientSignIns, $"Redis down: {2 * SoakNode.PerClientSignIns + 2} sign-ins from one client over both nodes admitted {bursts[^1].Succeeded}, expected the limit once per node ({2 * SoakNode.PerClientSignIns}, the documented per-process fallback)");

            await At(0.55);
            restartMark = farm.Mark();
            await redis.StartAgainAsync();
            var restarted = Stopwatch.StartNew();
            await WhenCountingInRedisAsync(farm);
            recoveredMark = farm.Mark();
            _figures.Add(string.Create(CultureInfo.InvariantCulture, $"Redis restarted: both nodes counted in it again after {restarted.Elapsed.TotalSeconds:F1} s wall (retry interval {SoakNode.RedisRetryInterval.TotalSeconds:F0} s farm time)"));
            bursts.Add(await BurstAsync(farm, "198.51.100.3", signInAccounts[2]));
            Expect(bursts[^1].Succeeded == SoakNode.PerClientSignIns, $"Redis back: {2 * SoakNode.PerClientSignIns + 2} sign-ins from one client over both nodes admitted {bursts[^1].Succeeded}, expected the limit once ({SoakNode.PerClientSignIns})");

            await At(0.72);
            await smtp.SwitchAsync(SmtpMode.Accepting);

            await At(1.0);
        }
        finally
        {
            farm.Stop();
        }

        try
        {
            await running.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Assert.Fail($"the workloads did not finish what waits for mail before the deadline: {resetAccounts.Count(r => r.Outstanding)} reset request(s) and " +
                $"{registrations.Registrations.Count(r => r.AccountId is null)} registration(s) still without their mail; SMTP is {smtp.Mode}, {smtp.Accepted.Count} accepted");
        }

        var workloadTime = timeline.Elapsed;

        // Drain: the flows' background work has written its mail; the delivery services send what waits.
        await BackgroundWork.WhenIdleAsync(a.Provider).WaitAsync(deadline.Token);
        await BackgroundWork.WhenIdleAsync(b.Provider).WaitAsync(deadline.Token);
        await WhenOutboxDrainedAsync(database, smtp, deadline.Token);
        await a.StopAsync();
        await b.StopAsync();

        var attempts = signIns.Attempts;
        Expect(!a.IsFallingBack && !b.IsFallingBack, $"a node ended the run counting per process (a: {a.IsFallingBack}, b: {b.IsFallingBack})");
        await CheckRedisCountsAsync(redis.Configuration, prefix, ClientsWithin(attempts, after: recoveredMark, before: long.MaxValue), "after Redis came back", bursts[2]);
        await CheckNothingCopiedFromFallbackAsync(redis.Configuration, prefix, ClientsWithin(attempts, after: killedMark, before: restartMark), bursts[1]);
        CheckSignIns(attempts);
        CheckSmtpFaultsSeen(farm);
        CheckNoSecretsLogged(farm, signInAccounts, resetAccounts, registrations);
        CheckRedemptions(resetAccounts);
        await using (var context = database.CreateContext())
        {
            await CheckOutboxAgainstSmtpAsync(context, smtp);
            await CheckMailPerFlowAsync(context, resetAccounts, registrations, signInAccounts);
            await CheckResetTokensAsync(context, resetAccounts, a);
            await CheckAccountsAsync(context, signInAccounts, resetAccounts, registrations, a, attempts, bursts);
        }

        _figures.Insert(0, string.Create(CultureInfo.InvariantCulture,
            $"workloads {workloadTime.TotalSeconds:F1} s wall (configured {duration.TotalSeconds:F0} s), farm clock {(clock.Time.GetUtcNow() - SoakClock.Start).TotalSeconds:F0} s; " +
            $"sign-ins {attempts.Count}, resets requested {resetAccounts.Sum(r => r.Requests)}, redemptions {resetAccounts.Sum(r => r.Redemptions.Count)}, registrations {registrations.Registrations.Count} (+{registrations.Duplicates.Values.Sum()} for taken addresses); " +
            $"SMTP accepted {smtp.Accepted.Count}, refused {smtp.RefusedMessages} at DATA"));
        foreach (var line in _figures)
        {
            output.WriteLine(line);
        }

        if (_problems.Count > 0)
        {
            var logs = a.Problems().Concat(b.Problems()).Take(30);
            Assert.Fail($"The soak found {_problems.Count} problem(s):\n- {string.Join("\n- ", _problems)}\n\nFigures:\n{string.Join('\n', _figures)}\n\nNode warnings and errors (first 30):\n{string.Join('\n', logs)}");
        }

        async Task At(double fraction)
        {
            var due = duration * fraction - timeline.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, deadline.Token);
            }
        }
    }

    private static async Task CreateAccountAsync(SoakNode node, DateTimeOffset now, string email, string password)
    {
        var store = node.Provider.GetRequiredService<IAccountStore>();
        var serial = RegistrationWorkload.NewSerial();
        await store.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2017", now, CancellationToken.None);
        var account = new AccountRecord
        {
            Id = Guid.NewGuid(),
            Email = email,
            LookupKey = CredentialNormalizer.Default.NormalizeEmail(email).LookupKey!,
            PasswordHash = node.Hasher.HashPassword(password),
            SecurityStamp = AccountRecord.NewSecurityStamp(),
            CreatedAt = now,
        };
        Assert.Equal(StoreWriteStatus.Succeeded, await store.CreateWithSerialAsync(account, serial, now, CancellationToken.None));
    }

    // 2 × limit + 2 sign-ins with the right password from one client, alternating nodes, all at once.
    private static async Task<(string Client, int Succeeded)> BurstAsync(Farm farm, string client, SignInAccount account)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, (2 * SoakNode.PerClientSignIns) + 2).Select(i => Task.Run(() =>
            farm.Nodes[i % 2].Accounts.SignInAsync(new SignInRequest(account.Email, account.Password) { Client = new ClientContext(client), CaptchaResponse = Farm.Captcha }))));
        Assert.All(results, r => Assert.Contains(r.Status, new[] { SignInStatus.Succeeded, SignInStatus.TryAgainLater }));
        return (client, results.Count(r => r.Succeeded));
    }

    // Clients whose every sign-in started after one mark and ended before another, with their attempt counts.
    private static Dictionary<string, int> ClientsWithin(IReadOnlyList<SignInAttempt> attempts, long after, long before) =>
        attempts.GroupBy(x => x.Client)
            .Where(g => g.Count() == SignInWorkload.AttemptsPerClient && g.All(x => x.Started > after && x.Ended < before))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static RedisKey ClientKey(string prefix, string client) =>
        RedisAttemptCounter.KeyOf(prefix, LimitKeys.ClientSignIns(Redaction.ClientKey(new ClientContext(client))!));

    private async Task CheckRedisCountsAsync(string redis, string prefix, Dictionary<string, int> clients, string when, (string Client, int Succeeded) burst)
    {
        await using var probe = await ConnectionMultiplexer.ConnectAsync(redis);
        Expect(clients.Count > 0, $"no workload client signed in entirely {when}: nothing to count");
        var wrong = new List<string>();
        foreach (var (client, count) in clients)
        {
            var stored = (long?)await probe.GetDatabase().StringGetAsync(ClientKey(prefix, client)) ?? 0;
            if (stored != count)
            {
                wrong.Add($"{client}: {stored} in Redis, {count} made");
            }
        }

        var burstCount = (long?)await probe.GetDatabase().StringGetAsync(ClientKey(prefix, burst.Client)) ?? 0;
        Expect(burstCount == SoakNode.PerClientSignIns, $"{when}: the burst client {burst.Client} has {burstCount} in Redis, expected {SoakNode.PerClientSignIns} (refused attempts count nothing)");
        Expect(wrong.Count == 0, $"{when}: {wrong.Count} of {clients.Count} clients' sign-ins are not counted exactly once across both nodes in Redis: {string.Join("; ", wrong.Take(10))}");
        _figures.Add($"Redis {when}: {clients.Count - wrong.Count} of {clients.Count} clients (× {SignInWorkload.AttemptsPerClient} sign-ins over both nodes) counted exactly once; burst client at {burstCount} (limit {SoakNode.PerClientSignIns})");
    }

    private async Task CheckNothingCopiedFromFallbackAsync(string redis, string prefix, Dictionary<string, int> clients, (string Client, int Succeeded) burst)
    {
        await using var probe = await ConnectionMultiplexer.ConnectAsync(redis);
        Expect(clients.Count > 0, "no workload client signed in entirely while Redis was down");
        var found = new List<string>();
        foreach (var client in clients.Keys.Append(burst.Client))
        {
            if (await probe.GetDatabase().KeyExistsAsync(ClientKey(prefix, client)))
            {
                found.Add(client);
            }
        }

        Expect(found.Count == 0, $"counts made per process during the outage appeared in Redis for {string.Join(", ", found)}");
        _figures.Add($"Redis down: {clients.Count} clients counted per node, burst admitted {burst.Succeeded} (2 × limit expected); {found.Count} of them found in Redis afterwards");
    }

    private void CheckSignIns(IReadOnlyList<SignInAttempt> attempts)
    {
        var unexpected = attempts.Where(x => x.Status != (x.RightPassword ? SignInStatus.Succeeded : SignInStatus.Failed)).ToList();
        Expect(unexpected.Count == 0, $"{unexpected.Count} of {attempts.Count} sign-ins answered otherwise than their password says: {string.Join("; ", unexpected.Take(10).Select(x => $"{x.Client} on node {x.Node}, right={x.RightPassword}: {x.Status}"))}");
    }

    // The security model: logs carry masked addresses and never a password or token — on the fault paths too, where
    // exceptions (SMTP replies, database and Redis errors) are logged with their messages.
    private void CheckNoSecretsLogged(Farm farm, IReadOnlyList<SignInAccount> signIns, IReadOnlyList<ResetAccount> resets, RegistrationWorkload registrations)
    {
        var secrets = signIns.SelectMany(s => new[] { ("address", s.Email), ("password", s.Password) })
            .Concat(resets.SelectMany(r => new[] { ("address", r.Email), ("password", r.InitialPassword) }
                .Concat(r.Redemptions.SelectMany(x => new[] { ("password", x.Password), ("token", x.Token) }))))
            .Concat(registrations.Registrations.SelectMany(x => new[] { ("address", x.Email), ("password", x.Password), ("token", x.Token ?? string.Empty) }))
            .Where(x => x.Item2.Length > 0)
            .GroupBy(x => x.Item2, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Item1, StringComparer.OrdinalIgnoreCase);
        var records = 0;
        var leaks = new List<string>();
        foreach (var (name, text) in farm.Nodes.SelectMany(n => n.LogTexts()))
        {
            // Every secret of the run is one word of letters, digits and . _ - + @; anything else separates words
            // ("token=…", "<address>", quotes), so looking each word up finds a secret wherever it stands.
            records++;
            foreach (var word in Words(text))
            {
                if (secrets.TryGetValue(word.TrimEnd('.'), out var what))
                {
                    leaks.Add($"{name} logged a {what}");
                }
            }
        }

        Expect(leaks.Count == 0, $"{leaks.Count} log record(s) carry an unmasked address, a password or a token: {string.Join("; ", leaks.Distinct().Take(10))}");
        _figures.Add($"logs: {records} records (Information and above) searched for the run's {secrets.Count} addresses, passwords and tokens: {leaks.Count} found");
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '-' or '+' or '@');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    // Both kinds of refusal must have reached the senders, or the stretch tested nothing.
    private void CheckSmtpFaultsSeen(Farm farm)
    {
        var failures = farm.Nodes.SelectMany(n => n.SmtpFailures()).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
        var refused = failures.GetValueOrDefault(AccountMailDeliveryFailure.Rejected);
        var unreachable = failures.GetValueOrDefault(AccountMailDeliveryFailure.ConnectionFailed);
        Expect(refused > 0 && unreachable > 0, $"the SMTP faults did not reach the senders: {string.Join(", ", failures.Select(f => $"{f.Key} {f.Value}"))}");
        _figures.Add($"SMTP failures seen by the senders: {string.Join(", ", failures.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}");
    }

    private void CheckRedemptions(IReadOnlyList<ResetAccount> accounts)
    {
        foreach (var account in accounts)
        {
            foreach (var group in account.Redemptions.Where(r => !r.Replay).GroupBy(r => r.Token))
            {
                var won = group.Count(r => r.Status == ResetPasswordStatus.Succeeded);
                var others = group.Where(r => r.Status != ResetPasswordStatus.Succeeded).Select(r => r.Status).Distinct().ToList();
                Expect(won == 1 && others.All(s => s == ResetPasswordStatus.InvalidLink), $"{account.Email}: a link redeemed {group.Count()} time(s) at once changed the password {won} time(s) (others: {string.Join(",", others)})");
            }

            foreach (var replay in account.Redemptions.Where(r => r.Replay))
            {
                Expect(replay.Status == ResetPasswordStatus.InvalidLink, $"{account.Email}: a used reset link replayed on node {replay.Node} answered {replay.Status}");
            }
        }
    }

    private async Task CheckOutboxAgainstSmtpAsync(TrendAccountDbContext context, SoakSmtpServer smtp)
    {
        var rows = await context.Set<OutboxEntity>().AsNoTracking().ToListAsync();
        var received = smtp.Accepted.GroupBy(m => m.MessageId.Split('@')[0]).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byId = rows.ToDictionary(r => r.Id.ToString("N"), StringComparer.Ordinal);

        var notDelivered = rows.Where(r => r.State != OutboxEntity.Delivered).ToList();
        Expect(notDelivered.Count == 0, $"{notDelivered.Count} outbox row(s) not delivered: {string.Join("; ", notDelivered.Take(10).Select(r => $"{r.Kind} state {r.State}, {r.Attempts} attempts, last error {r.LastError}"))}");
        var lost = rows.Where(r => !received.ContainsKey(r.Id.ToString("N"))).ToList();
        Expect(lost.Count == 0, $"{lost.Count} outbox row(s) never reached the SMTP server: {string.Join("; ", lost.Take(10).Select(r => $"{r.Kind} {r.Id:N} state {r.State}"))}");
        var unexplained = received.Where(m => m.Value.Count > 1 && (!byId.TryGetValue(m.Key, out var row) || row.Attempts < m.Value.Count)).ToList();
        Expect(unexplained.Count == 0, $"{unexplained.Count} message(s) received more often than their row recorded attempts: {string.Join("; ", unexplained.Take(10).Select(m => $"{m.Key} ×{m.Value.Count}, attempts {(byId.TryGetValue(m.Key, out var r) ? r.Attempts : 0)}"))}");
        var strangers = received.Keys.Where(id => !byId.ContainsKey(id)).ToList();
        Expect(strangers.Count == 0, $"{strangers.Count} message(s) at the SMTP server match no outbox row: {string.Join(", ", strangers.Take(10))}");
        var mismatched = received.Where(m => byId.TryGetValue(m.Key, out var row) && m.Value.Any(x => x.Kind != row.Kind.ToString() || !string.Equals(x.To, row.Recipient, StringComparison.OrdinalIgnoreCase))).ToList();
        Expect(mismatched.Count == 0, $"{mismatched.Count} message(s) reached another recipient or kind than their row says");

        var exposed = rows.Count(r => r.LastError is { } error && error.Contains(r.Recipient, StringComparison.OrdinalIgnoreCase));
        Expect(exposed == 0, $"{exposed} outbox row(s) keep the recipient's address in last_error");
        var retried = rows.Count(r => r.Attempts > 1);
        Expect(smtp.RefusedMessages > 0 && retried > 0, $"the refusal was not exercised: {smtp.RefusedMessages} refused at DATA, {retried} rows retried");
        var duplicates = received.Values.Sum(v => v.Count - 1);
        _figures.Add($"outbox: {rows.Count} rows, {rows.Count - notDelivered.Count} delivered, {rows.Count(r => r.State == OutboxEntity.Dead)} dead, {retried} delivered after retries (most attempts {(rows.Count == 0 ? 0 : rows.Max(r => r.Attempts))}); SMTP: {received.Count} Message-Ids, {duplicates} extra copies ({unexplained.Count} not explained by recorded attempts); by kind: {string.Join(", ", rows.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}");
    }

    private async Task CheckMailPerFlowAsync(TrendAccountDbContext context, IReadOnlyList<ResetAccount> resets, RegistrationWorkload registrations, IReadOnlyList<SignInAccount> signIns)
    {
        var rows = await context.Set<OutboxEntity>().AsNoTracking().Select(r => new { r.Kind, r.Recipient }).ToListAsync();
        int Count(AccountMessageKind kind, string to) => rows.Count(r => r.Kind == kind && string.Equals(r.Recipient, to, StringComparison.OrdinalIgnoreCase));
        foreach (var account in resets)
        {
            var changes = account.Redemptions.Count(r => r.Status == ResetPasswordStatus.Succeeded);
            Expect(Count(AccountMessageKind.PasswordReset, account.Email) == account.Requests, $"{account.Email}: {account.Requests} reset requests wrote {Count(AccountMessageKind.PasswordReset, account.Email)} reset mails");
            Expect(Count(AccountMessageKind.PasswordChanged, account.Email) == changes, $"{account.Email}: {changes} password changes wrote {Count(AccountMessageKind.PasswordChanged, account.Email)} notices");
        }

        foreach (var registration in registrations.Registrations)
        {
            Expect(Count(AccountMessageKind.RegistrationConfirmation, registration.Email) == 1, $"{registration.Email}: one registration wrote {Count(AccountMessageKind.RegistrationConfirmation, registration.Email)} confirmations");
        }

        foreach (var account in signIns)
        {
            var expected = registrations.Duplicates.TryGetValue(account.Email, out var n) ? n : 0;
            Expect(Count(AccountMessageKind.AccountExistsNotice, account.Email) == expected, $"{account.Email}: {expected} registrations of a taken address wrote {Count(AccountMessageKind.AccountExistsNotice, account.Email)} notices");
            Expect(Count(AccountMessageKind.RegistrationConfirmation, account.Email) == 0, $"{account.Email}: a registration of a taken address wrote a confirmation");
        }
    }

    private async Task CheckResetTokensAsync(TrendAccountDbContext context, IReadOnlyList<ResetAccount> resets, SoakNode node)
    {
        var emails = resets.Select(r => r.Email).ToArray();
        var accounts = await context.Set<AccountEntity>().AsNoTracking().Where(x => emails.Contains(x.Email)).ToDictionaryAsync(x => x.Email);
        var ids = accounts.Values.Select(x => x.Id).ToArray();
        var tokens = await context.Set<TokenEntity>().AsNoTracking().Where(t => ids.Contains(t.AccountId) && t.Purpose == TokenPurpose.PasswordReset).ToListAsync();
        var consumedTotal = 0;
        foreach (var reset in resets)
        {
            var account = accounts[reset.Email];
            var mine = tokens.Where(t => t.AccountId == account.Id).ToList();
            var redeemed = reset.Redemptions.Where(r => r.Status == ResetPasswordStatus.Succeeded).Select(r => SecureTokens.TryComputeDigest(r.Token)!).ToHashSet(StringComparer.Ordinal);
            var consumed = mine.Where(t => t.ConsumedAt is not null).Select(t => t.Digest).ToHashSet(StringComparer.Ordinal);
            consumedTotal += consumed.Count;

            // Every link the test was mailed it redeemed once, successfully: so every consumed reset token must be one
            // whose redemption changed the password, and every such redemption must have consumed its token.
            Expect(mine.Count == reset.Requests, $"{reset.Email}: {reset.Requests} requests stored {mine.Count} reset tokens");
            var unconsumed = mine.Count(t => t.ConsumedAt is null);
            Expect(unconsumed <= 1, $"{reset.Email}: {unconsumed} reset tokens still unconsumed (a new link must end every older one, on any node; issue #13)");
            Expect(consumed.SetEquals(redeemed), $"{reset.Email}: {consumed.Except(redeemed).Count()} reset token(s) consumed without a password change, {redeemed.Except(consumed).Count()} password change(s) that left their token unconsumed");
            Expect(mine.Where(t => redeemed.Contains(t.Digest)).All(t => t.SecurityStamp != account.SecurityStamp), $"{reset.Email}: a redeemed link's security stamp is still the account's (the change did not rotate it)");
            Expect(Verifies(node, account.PasswordHash, reset.Password), $"{reset.Email}: the password of the last successful reset does not verify (half-written change?)");
            Expect(redeemed.Count == 0 || !Verifies(node, account.PasswordHash, reset.InitialPassword), $"{reset.Email}: the initial password still verifies after {redeemed.Count} resets");
        }

        _figures.Add($"resets: {tokens.Count} reset tokens stored, {consumedTotal} consumed, {resets.Sum(r => r.Redemptions.Count(x => x.Status == ResetPasswordStatus.Succeeded))} password changes through them");
    }

    private async Task CheckAccountsAsync(TrendAccountDbContext context, IReadOnlyList<SignInAccount> signIns, IReadOnlyList<ResetAccount> resets, RegistrationWorkload registrations, SoakNode node, IReadOnlyList<SignInAttempt> attempts, List<(string Client, int Succeeded)> bursts)
    {
        var all = await context.Set<AccountEntity>().AsNoTracking().ToListAsync();
        var records = registrations.Registrations;
        Expect(all.Count == signIns.Count + resets.Count + records.Count, $"the database holds {all.Count} accounts; the test created {signIns.Count + resets.Count} and confirmed {records.Count} registrations");
        var serials = await context.Set<SerialEntity>().AsNoTracking().ToDictionaryAsync(s => s.Serial, StringComparer.OrdinalIgnoreCase);
        foreach (var record in records)
        {
            var matching = all.Where(x => string.Equals(x.Email, record.Email, StringComparison.OrdinalIgnoreCase)).ToList();
            Expect(matching.Count == 1 && matching[0].Id == record.AccountId, $"{record.Email}: confirmed as {record.AccountId}, {matching.Count} account(s) in the database");
            Expect(matching.Count != 1 || Verifies(node, matching[0].PasswordHash, record.Password), $"{record.Email}: the registered password does not verify");
            Expect(serials.TryGetValue(record.Serial, out var serial) && serial.AccountId == record.AccountId, $"{record.Email}: the serial is not linked to the new account");
            Expect(record.Replay is null or ConfirmRegistrationStatus.InvalidLink, $"{record.Email}: a used confirmation link answered {record.Replay}");
        }

        var registrationTokens = await context.Set<TokenEntity>().AsNoTracking().Where(t => t.Purpose == TokenPurpose.RegistrationConfirmation).ToListAsync();
        Expect(registrationTokens.Count == records.Count && registrationTokens.All(t => t.ConsumedAt is not null), $"{records.Count} registrations stored {registrationTokens.Count} confirmation tokens, {registrationTokens.Count(t => t.ConsumedAt is null)} unconsumed");
        var takenSerials = serials.Values.Count(s => s.AccountId is null);
        Expect(takenSerials == registrations.Duplicates.Values.Sum(), $"{registrations.Duplicates.Values.Sum()} registrations of taken addresses left {takenSerials} activated serials unlinked");

        foreach (var account in signIns)
        {
            var row = all.Single(x => x.Email == account.Email);
            Expect(Verifies(node, row.PasswordHash, account.Password), $"{account.Email}: the sign-in account's password no longer verifies");
        }

        // Only sign-ins open sessions: one session token per successful sign-in, on either node.
        var sessions = await context.Set<TokenEntity>().AsNoTracking().CountAsync(t => t.Purpose == TokenPurpose.Session);
        var succeeded = attempts.Count(x => x.Status == SignInStatus.Succeeded) + bursts.Sum(x => x.Succeeded);
        Expect(sessions == succeeded, $"{succeeded} successful sign-ins stored {sessions} sessions");
        _figures.Add($"database: {all.Count} accounts ({records.Count} registrations confirmed), {sessions} sessions for {succeeded} successful sign-ins");
    }

    private static bool Verifies(SoakNode node, string hash, string password) =>
        node.Hasher.VerifyHashedPassword(hash, password) != PasswordVerificationResult.Failed;

    // After a restart both nodes must count in Redis again: the retry interval passes on the farm clock, and one call
    // per node probes. The workloads call all the time; the test calls too, so the wait does not depend on them.
    private static async Task WhenCountingInRedisAsync(Farm farm)
    {
        var deadline = Stopwatch.StartNew();
        while (farm.Nodes.Any(n => n.IsFallingBack))
        {
            Assert.True(deadline.Elapsed < RecoveryDeadline, $"the nodes still count per process {RecoveryDeadline.TotalSeconds} s after Redis came back (a: {farm.Nodes[0].IsFallingBack}, b: {farm.Nodes[1].IsFallingBack})");
            foreach (var node in farm.Nodes)
            {
                await node.Counter.GetAsync("soak:probe", CancellationToken.None);
            }

            await Task.Delay(SoakClock.Tick);
        }
    }

    private static async Task WhenOutboxDrainedAsync(SoakDatabase database, SoakSmtpServer smtp, CancellationToken deadline)
    {
        while (true)
        {
            var arrival = smtp.NextArrival();
            await using (var context = database.CreateContext())
            {
                if (!await context.Set<OutboxEntity>().AnyAsync(r => r.State == OutboxEntity.Waiting, deadline))
                {
                    return;
                }
            }

            try
            {
                await Task.WhenAny(arrival, Task.Delay(TimeSpan.FromMilliseconds(500), deadline)).WaitAsync(deadline);
            }
            catch (OperationCanceledException)
            {
                await using var context = database.CreateContext();
                var waiting = await context.Set<OutboxEntity>().AsNoTracking().Where(r => r.State == OutboxEntity.Waiting).ToListAsync();
                Assert.Fail($"the outbox did not drain within the deadline: {waiting.Count} rows still waiting, e.g. {string.Join("; ", waiting.Take(5).Select(r => $"{r.Kind} attempts {r.Attempts} next {r.NextAttemptAt:O} lease {r.LeaseUntil:O} error {r.LastError}"))}");
            }
        }
    }

    private void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            _problems.Add(problem);
        }
    }
}
