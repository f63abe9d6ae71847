using System.Collections.Concurrent;

namespace TrendAccount.Sdk.Soak.Tests.Workloads;

/// <summary>
/// Sign-ins from many clients on both nodes, right and wrong passwords (3 in 4 right), each client making
/// <see cref="AttemptsPerClient"/> sign-ins — fewer than the per-client limit, so whether Redis or a node's own process
/// counts them, none is refused, and every answer is known in advance: the right password signs in, a wrong one fails.
/// Every request carries a solved captcha, so the step-up that the wrong passwords cause never hides a right one.
/// </summary>
public sealed class SignInWorkload(Farm farm, IReadOnlyList<SignInAccount> accounts, int workers)
{
    public const int AttemptsPerClient = 3;

    private readonly ConcurrentQueue<SignInAttempt> _attempts = new();

    public IReadOnlyList<SignInAttempt> Attempts => _attempts.ToArray();

    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkerAsync(w))));

    private async Task WorkerAsync(int worker)
    {
        var random = new Random(1000 + worker);
        for (var client = 0; !farm.IsStopping; client++)
        {
            var ip = $"10.{worker + 1}.{client / 250}.{(client % 250) + 1}";
            for (var i = 0; i < AttemptsPerClient; i++)
            {
                var account = accounts[random.Next(accounts.Count)];
                var right = random.Next(4) != 0;
                var node = random.Next(2);
                var started = farm.Mark();
                var result = await farm.Nodes[node].Accounts.SignInAsync(new SignInRequest(account.Email, right ? account.Password : "Wrong-" + account.Password)
                {
                    Client = new ClientContext(ip),
                    CaptchaResponse = Farm.Captcha,
                });
                _attempts.Enqueue(new SignInAttempt(ip, node, right, result.Status, started, farm.Mark()));
            }
        }
    }
}
