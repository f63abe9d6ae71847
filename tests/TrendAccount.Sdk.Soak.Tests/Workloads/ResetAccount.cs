using System.Collections.Concurrent;

namespace TrendAccount.Sdk.Soak.Tests.Workloads;

/// <summary>An account that the reset workload owns: nobody else signs in with it or resets it, so its password is known.</summary>
public sealed class ResetAccount(string email, string password)
{
    private readonly ConcurrentQueue<Redemption> _redemptions = new();

    public string Email { get; } = email;

    public string InitialPassword { get; } = password;

    /// <summary>Gets the password the account must have now: the last one a redemption set.</summary>
    public string Password { get; set; } = password;

    /// <summary>Gets how many "forgot password" requests the test made for it (each must become exactly one reset mail).</summary>
    public int Requests { get; set; }

    /// <summary>Gets the Message-Ids of the reset mails the test has used.</summary>
    public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets a value indicating whether a request is waiting for its mail.</summary>
    public bool Outstanding { get; set; }

    public IReadOnlyList<Redemption> Redemptions => _redemptions.ToArray();

    public void Add(Redemption redemption) => _redemptions.Enqueue(redemption);
}
