namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>
/// The nonces of answered challenges, each kept until its challenge expires, at most a fixed number. Only genuine
/// (signature-checked) challenges reach it, so its size is bounded by what an attacker can answer, not by page views.
/// </summary>
internal sealed class UsedChallenges(int capacity)
{
    private readonly Lock _lock = new();
    private readonly HashSet<UInt128> _nonces = [];
    private readonly PriorityQueue<UInt128, DateTimeOffset> _byExpiry = new();

    public int Count(DateTimeOffset now)
    {
        lock (_lock)
        {
            Forget(now);
            return _nonces.Count;
        }
    }

    /// <summary>Remembers a nonce: <see cref="CaptchaCheck.Accepted"/> when it is new, else why not.</summary>
    public CaptchaCheck TryAdd(UInt128 nonce, DateTimeOffset expires, DateTimeOffset now)
    {
        lock (_lock)
        {
            Forget(now);
            if (_nonces.Contains(nonce))
            {
                return CaptchaCheck.Replayed;
            }

            if (_nonces.Count >= capacity)
            {
                return CaptchaCheck.Busy;
            }

            _nonces.Add(nonce);
            _byExpiry.Enqueue(nonce, expires);
            return CaptchaCheck.Accepted;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_byExpiry.TryPeek(out var nonce, out var expires) && expires <= now)
        {
            _byExpiry.Dequeue();
            _nonces.Remove(nonce);
        }
    }
}
