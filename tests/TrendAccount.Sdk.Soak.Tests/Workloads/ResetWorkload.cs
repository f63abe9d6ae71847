using TrendAccount.Sdk.Soak.Tests.Infrastructure;

namespace TrendAccount.Sdk.Soak.Tests.Workloads;

/// <summary>
/// "Forgot password" on both nodes, then "Update Password" through the link in the mail that the SMTP server
/// received: one request per account at a time (a new request revokes the old link, which would blur the
/// bookkeeping). Every fourth link is redeemed on both nodes at once with two passwords (exactly one must win), and
/// every third winning link is replayed (it must fail).
/// </summary>
public sealed class ResetWorkload(Farm farm, IReadOnlyList<ResetAccount> accounts, int workers)
{
    private int _links;

    public Task RunAsync(CancellationToken deadline) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkerAsync(w, deadline))));

    private async Task WorkerAsync(int worker, CancellationToken deadline)
    {
        var owned = accounts.Where((_, i) => i % workers == worker).ToArray();
        var random = new Random(2000 + worker);
        var ip = $"10.100.{worker + 1}.1";
        while (true)
        {
            var arrival = farm.Smtp.NextArrival();
            var progressed = false;
            foreach (var account in owned)
            {
                if (!account.Outstanding && !farm.IsStopping)
                {
                    var asked = await farm.Nodes[random.Next(2)].Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(account.Email, Farm.Captcha, new ClientContext(ip)));
                    Assert.True(asked.Status == ForgotPasswordStatus.Accepted, $"forgot password for {account.Email}: {asked.Status} {asked.Message}");
                    account.Requests++;
                    account.Outstanding = true;
                    progressed = true;
                }
                else if (account.Outstanding && farm.NewMail(account.Email, AccountMessageKind.PasswordReset, account.Used) is { } mail)
                {
                    account.Used.Add(mail.MessageId);
                    account.Outstanding = false;
                    progressed = true;
                    var token = mail.TokenAfter(SoakNode.ResetBase) ?? throw new InvalidOperationException($"the reset mail {mail.MessageId} carries no link:\n{mail.TextBody}");
                    await RedeemAsync(account, token, random, ip);
                }
            }

            if (farm.IsStopping && owned.All(a => !a.Outstanding))
            {
                return;
            }

            if (!progressed)
            {
                await farm.WaitForMailAsync(arrival, deadline);
            }
        }
    }

    private async Task RedeemAsync(ResetAccount account, string token, Random random, string ip)
    {
        var link = Interlocked.Increment(ref _links);
        var first = $"Quiet-Lantern-{link}-Meadow";
        if (link % 4 == 0)
        {
            // The same link on both nodes at once, with two passwords: exactly one must change the password.
            var second = $"Amber-Harbor-{link}-Willow";
            var results = await Task.WhenAll(
                Task.Run(() => farm.Nodes[0].Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, first, first, new ClientContext(ip)))),
                Task.Run(() => farm.Nodes[1].Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, second, second, new ClientContext(ip)))));
            account.Add(new Redemption(token, first, 0, results[0].Status, Replay: false));
            account.Add(new Redemption(token, second, 1, results[1].Status, Replay: false));
            if (results[0].Succeeded != results[1].Succeeded)
            {
                account.Password = results[0].Succeeded ? first : second;
            }

            return;
        }

        var node = random.Next(2);
        var result = await farm.Nodes[node].Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, first, first, new ClientContext(ip)));
        account.Add(new Redemption(token, first, node, result.Status, Replay: false));
        if (result.Succeeded)
        {
            account.Password = first;
            if (link % 3 == 0)
            {
                var again = 1 - node;
                var replay = await farm.Nodes[again].Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, "Replayed-Link-" + link, "Replayed-Link-" + link, new ClientContext(ip)));
                account.Add(new Redemption(token, "Replayed-Link-" + link, again, replay.Status, Replay: true));
            }
        }
    }
}
