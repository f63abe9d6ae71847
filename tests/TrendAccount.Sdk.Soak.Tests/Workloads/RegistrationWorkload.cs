using System.Collections.Concurrent;
using System.Security.Cryptography;
using TrendAccount.Sdk.Soak.Tests.Infrastructure;

namespace TrendAccount.Sdk.Soak.Tests.Workloads;

/// <summary>
/// Product activation, registration and confirmation through the link in the mail that the SMTP server received, on
/// both nodes, up to three registrations waiting for their mail per worker. Every fifth round also registers a new
/// serial with an address that already has an account (a sign-in account): that must mail the owner a notice and
/// create nothing.
/// </summary>
public sealed class RegistrationWorkload(Farm farm, IReadOnlyList<SignInAccount> existing, int workers)
{
    private const int MaximumWaiting = 3;
    private readonly ConcurrentQueue<RegistrationRecord> _registrations = new();
    private readonly ConcurrentDictionary<string, int> _duplicates = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<RegistrationRecord> Registrations => _registrations.ToArray();

    /// <summary>Gets how many registrations were made for each address that already had an account.</summary>
    public IReadOnlyDictionary<string, int> Duplicates => _duplicates;

    public Task RunAsync(CancellationToken deadline) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkerAsync(w, deadline))));

    public static string NewSerial()
    {
        // 20 hex digits in groups of four: a direct-channel serial (never starts with T).
        var hex = Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
        return string.Join('-', Enumerable.Range(0, 5).Select(i => hex.Substring(i * 4, 4)));
    }

    private async Task WorkerAsync(int worker, CancellationToken deadline)
    {
        var random = new Random(3000 + worker);
        var client = new ClientContext($"10.200.{worker + 1}.1");
        var waiting = new List<RegistrationRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 1; ; round++)
        {
            var arrival = farm.Smtp.NextArrival();
            var progressed = false;
            if (!farm.IsStopping && waiting.Count < MaximumWaiting)
            {
                var record = new RegistrationRecord(NewSerial(), $"reg.{farm.RunId}.{worker}.{round}@example.com", $"Copper-Falcon-{round}-Ridge{worker}");
                await RegisterAsync(record.Serial, record.Email, record.Password, client, random);
                _registrations.Enqueue(record);
                waiting.Add(record);
                progressed = true;
                if (round % 5 == 0)
                {
                    var owner = existing[random.Next(existing.Count)];
                    await RegisterAsync(NewSerial(), owner.Email, $"Other-Person-{round}-Tries{worker}", client, random);
                    _duplicates.AddOrUpdate(owner.Email, 1, (_, n) => n + 1);
                }
            }

            foreach (var record in waiting.ToArray())
            {
                if (farm.NewMail(record.Email, AccountMessageKind.RegistrationConfirmation, seen) is not { } mail)
                {
                    continue;
                }

                seen.Add(mail.MessageId);
                waiting.Remove(record);
                progressed = true;
                record.Token = mail.TokenAfter(SoakNode.ConfirmBase) ?? throw new InvalidOperationException($"the confirmation {mail.MessageId} carries no link:\n{mail.TextBody}");
                var node = random.Next(2);
                var confirmed = await farm.Nodes[node].Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(record.Token));
                Assert.True(confirmed.Succeeded, $"confirming {record.Email} on node {node}: {confirmed.Status} {confirmed.Message}");
                record.AccountId = confirmed.AccountId;
                if (round % 3 == 0)
                {
                    record.Replay = (await farm.Nodes[1 - node].Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(record.Token))).Status;
                }
            }

            if (farm.IsStopping && waiting.Count == 0)
            {
                return;
            }

            if (!progressed || waiting.Count >= MaximumWaiting)
            {
                await farm.WaitForMailAsync(arrival, deadline);
            }
        }
    }

    private async Task RegisterAsync(string serial, string email, string password, ClientContext client, Random random)
    {
        var node = farm.Nodes[random.Next(2)].Accounts;
        var activated = await node.ActivateProductAsync(new ProductActivationRequest(serial, "TIS-2017"));
        Assert.True(activated.Succeeded, $"activating {serial}: {activated.Status} {activated.Message}");
        var registered = await farm.Nodes[random.Next(2)].Accounts.RegisterAsync(new RegistrationRequest(serial, email, password, password, Farm.Captcha, client));
        Assert.True(registered.Status == RegistrationStatus.Accepted, $"registering {email}: {registered.Status} {registered.Message}");
    }
}
