namespace TrendAccount.Sdk.Tests.Passwords;

public sealed class CommonPasswordBlocklistTests
{
    [Fact]
    public void Default_BuiltInList_HoldsAtLeastTenThousandPasswords()
    {
        Assert.True(CommonPasswordBlocklist.Default.Count >= 10_000, $"{CommonPasswordBlocklist.Default.Count} entries");
    }

    [Fact]
    public void Default_CalledTwice_ReturnsTheSameInstance()
    {
        Assert.Same(CommonPasswordBlocklist.Default, CommonPasswordBlocklist.Default);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("password1")]
    [InlineData("Password1")]
    [InlineData("PASSWORD1")]
    [InlineData("12345678")]
    [InlineData("iloveyou")]
    [InlineData("qwertyuiop")]
    [InlineData("1qaz2wsx")]
    public void Contains_CommonPasswordInAnyCase_ReturnsTrue(string password)
    {
        Assert.True(CommonPasswordBlocklist.Default.Contains(password));
    }

    [Theory]
    [InlineData("")]
    [InlineData("correct horse battery staple")]
    [InlineData("mq4Vz-Lp9#Rt")]
    [InlineData("password1 ")]
    [InlineData("# Common passwords refused by TrendAccount.Sdk's built-in blocklist: one per line, lower case, deduplicated,")]
    public void Contains_UncommonPasswordOrHeaderLine_ReturnsFalse(string password)
    {
        Assert.False(CommonPasswordBlocklist.Default.Contains(password));
    }

    [Fact]
    public void EmbeddedResource_EveryEntry_IsLowerCaseDistinctAndAtLeastEightCharacters()
    {
        using var stream = typeof(CommonPasswordBlocklist).Assembly.GetManifestResourceStream("TrendAccount.Sdk.common-passwords.txt");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var entries = reader.ReadToEnd().Split('\n').Where(line => line.Length > 0 && line[0] != '#').ToList();

        Assert.True(entries.Count >= 10_000);
        Assert.Equal(entries.Count, entries.Distinct(StringComparer.Ordinal).Count());
        Assert.All(entries, entry =>
        {
            Assert.Equal(entry.ToLowerInvariant(), entry);
            Assert.True(entry.Length >= PasswordOptions.DefaultMinimumLength, entry);
            Assert.DoesNotContain('\r', entry);
        });
        Assert.Equal(entries.Count, CommonPasswordBlocklist.Default.Count);
    }

    [Fact]
    public void Constructor_HostList_NormalizesEntriesAndSkipsEmptyOnes()
    {
        var blocklist = new CommonPasswordBlocklist(["ＴｒｅｎｄＭｉｃｒｏ", "", null!, "Antivirus+", "antivirus+"]);

        Assert.Equal(2, blocklist.Count);
        Assert.True(blocklist.Contains("trendmicro"));
        Assert.True(blocklist.Contains("ANTIVIRUS+"));
        Assert.False(blocklist.Contains("password1"));
    }

    [Fact]
    public void Contains_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CommonPasswordBlocklist.Default.Contains(null!));
        Assert.Throws<ArgumentNullException>(() => new CommonPasswordBlocklist(null!));
    }

    [Fact]
    public void Default_FirstUseFromManyThreads_EveryThreadSeesTheSameList()
    {
        var seen = new CommonPasswordBlocklist[8];
        Parallel.For(0, seen.Length, i => seen[i] = CommonPasswordBlocklist.Default);

        Assert.All(seen, instance => Assert.Same(CommonPasswordBlocklist.Default, instance));
        Assert.All(seen, instance => Assert.True(instance.Contains("password1")));
    }
}
