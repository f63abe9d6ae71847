namespace TrendAccount.Sdk;

/// <summary>What <see cref="BcryptPasswordHasher"/> made of a stored hash (for the log; callers see only the result).</summary>
internal enum StoredHashVerdict
{
    /// <summary>A format and cost the hasher runs; the outcome is the password's.</summary>
    Usable,

    /// <summary>No format the hasher knows (or a pepper id it no longer has): corrupt. The dummy was verified instead.</summary>
    Unrecognized,

    /// <summary>A known format whose cost is above the ceiling: corrupt, not run. The dummy was verified instead.</summary>
    AboveCeiling,
}
