namespace TrendAccount.Sdk.PwnedPasswords.Internal;

/// <summary>
/// The answers of recently asked prefixes, bounded twice: at most <c>capacity</c> prefixes (the least recently used
/// leaves first) and each for at most <c>lifetime</c> on the injected clock. Thread-safe (one lock, held only for
/// dictionary and list updates, never across I/O).
/// </summary>
/// <remarks>
/// What is cached is the public answer for a prefix — the same bytes anyone asking for that prefix receives — reduced
/// to the suffixes that would refuse a password. Neither the password nor its full hash is ever kept.
/// </remarks>
internal sealed class RangeCache
{
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byPrefix;
    private readonly LinkedList<Entry> _recency = new();

    public RangeCache(int capacity, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _lifetime = lifetime;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _byPrefix = new Dictionary<string, LinkedListNode<Entry>>(Math.Min(capacity, 1024), StringComparer.Ordinal);
    }

    /// <summary>Gets how many prefixes are held (expired ones included until they are next touched or pushed out).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byPrefix.Count;
            }
        }
    }

    /// <summary>Finds a fresh answer for a prefix.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <param name="suffixes">The answer, when found.</param>
    /// <returns><see langword="true"/> when an answer younger than the lifetime is held.</returns>
    public bool TryGet(string prefix, out RangeSuffixes suffixes)
    {
        suffixes = null!;
        if (_capacity == 0)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_byPrefix.TryGetValue(prefix, out var node))
            {
                return false;
            }

            if (node.Value.ExpiresAt <= now)
            {
                _byPrefix.Remove(prefix);
                _recency.Remove(node);
                return false;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            suffixes = node.Value.Suffixes;
            return true;
        }
    }

    /// <summary>Keeps an answer, pushing out the least recently used one when full.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <param name="suffixes">The answer.</param>
    public void Add(string prefix, RangeSuffixes suffixes)
    {
        if (_capacity == 0)
        {
            return;
        }

        var entry = new Entry(prefix, suffixes, _time.GetUtcNow() + _lifetime);
        lock (_gate)
        {
            if (_byPrefix.TryGetValue(prefix, out var existing))
            {
                _recency.Remove(existing);
                _byPrefix.Remove(prefix);
            }

            while (_byPrefix.Count >= _capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _byPrefix.Remove(oldest.Value.Prefix);
            }

            _byPrefix[prefix] = _recency.AddFirst(entry);
        }
    }

    private sealed record Entry(string Prefix, RangeSuffixes Suffixes, DateTimeOffset ExpiresAt);
}
