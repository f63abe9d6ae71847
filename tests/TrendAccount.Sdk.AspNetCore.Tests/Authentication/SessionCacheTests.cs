using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>
/// Two app instances over one store, as two nodes behind a load balancer: revocation is immediate on the node that
/// revoked, and another node that cached the session accepts it for at most <see cref="TrendAccountAuthenticationOptions.SessionCacheDuration"/>.
/// </summary>
public sealed class SessionCacheTests
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);

    private static (SiteFactory A, SiteFactory B) TwoNodes(TimeSpan cacheDuration)
    {
        var stores = new SharedStores();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        void Configure(IServiceCollection services) => services.AddTrendAccountAuthentication(o => o.SessionCacheDuration = cacheDuration);
        return (new SiteFactory(services: Configure, stores: stores, time: time), new SiteFactory(services: Configure, stores: stores, time: time));
    }

    [Fact]
    public async Task SignOut_OnOneNode_OtherNodeAcceptsTheSessionAtMostForTheCacheDuration()
    {
        var (a, b) = TwoNodes(CacheDuration);
        await using var nodeA = await a.WithAccountAsync();
        await using var nodeB = b;
        using var onA = nodeA.CreateBrowser();
        await onA.SignInAsync();
        using var onB = nodeB.CreateBrowser();
        onB.Cookies[TrendAccountAuthenticationDefaults.CookieName] = onA.SessionCookie!;
        using (var cached = await onB.GetAsync("/account/session"))
        {
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        }

        var token = onA.SessionCookie!;
        await onA.FetchAntiforgeryAsync();
        using (var signOut = await onA.SendAsync(HttpMethod.Post, "/account/signout"))
        {
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        }

        // The revoking node: at once, although its cache had the session too.
        onA.Cookies[TrendAccountAuthenticationDefaults.CookieName] = token;
        using (var revokingNode = await onA.GetAsync("/account/session"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revokingNode.StatusCode);
        }

        // The other node: still cached just before the bound...
        nodeA.Time.Advance(CacheDuration - TimeSpan.FromMilliseconds(1));
        using (var stale = await onB.GetAsync("/account/session"))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        }

        // ...and never after it.
        nodeA.Time.Advance(TimeSpan.FromMilliseconds(1));
        using var expired = await onB.GetAsync("/account/session");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task SignOut_CacheOff_OtherNodeRefusesAtOnce()
    {
        var (a, b) = TwoNodes(TimeSpan.Zero);
        await using var nodeA = await a.WithAccountAsync();
        await using var nodeB = b;
        using var onA = nodeA.CreateBrowser();
        await onA.SignInAsync();
        using var onB = nodeB.CreateBrowser();
        onB.Cookies[TrendAccountAuthenticationDefaults.CookieName] = onA.SessionCookie!;
        using (var before = await onB.GetAsync("/account/session"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await onA.FetchAntiforgeryAsync();
        (await onA.SendAsync(HttpMethod.Post, "/account/signout")).Dispose();
        using var after = await onB.GetAsync("/account/session");

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Authenticate_CacheOn_AsksTheStoreOncePerCacheDuration()
    {
        var counting = new CountingAccountService();
        await using var site = await new SiteFactory(services: s =>
        {
            s.AddTrendAccountAuthentication(o => o.SessionCacheDuration = CacheDuration);
            counting.Decorate(s);
        }).WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();

        for (var i = 0; i < 5; i++)
        {
            (await browser.GetAsync("/account/session")).Dispose();
        }

        Assert.Equal(1, counting.Validations);
        site.Time.Advance(CacheDuration);
        (await browser.GetAsync("/account/session")).Dispose();
        Assert.Equal(2, counting.Validations);
    }

    [Fact]
    public async Task ChangePassword_OnOneNode_EndsTheAccountsOtherCachedSessionsThereAtOnce()
    {
        await using var site = await new SiteFactory(services: s => s.AddTrendAccountAuthentication(o => o.SessionCacheDuration = CacheDuration)).WithAccountAsync();
        using var phone = site.CreateBrowser();
        await phone.SignInAsync();
        using var laptop = site.CreateBrowser();
        await laptop.SignInAsync();
        (await phone.GetAsync("/account/session")).Dispose();
        await laptop.FetchAntiforgeryAsync();

        using var change = await laptop.PostJsonAsync("/account/change-password", new { currentPassword = SiteFactory.Password, newPassword = "Green-Heron-2024", confirmation = "Green-Heron-2024" });
        using var phoneAfter = await phone.GetAsync("/account/session");
        using var laptopAfter = await laptop.GetAsync("/account/session");

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, phoneAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, laptopAfter.StatusCode);
    }

    [Fact]
    public async Task ValidateAsync_SizeLimitReached_NeverHoldsMoreEntries()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        var cache = new SessionCache(site.Accounts, site.Time);
        var tokens = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var result = await site.Accounts.SignInAsync(new SignInRequest(SiteFactory.Email, SiteFactory.Password));
            tokens.Add(result.SessionToken!);
        }

        foreach (var token in tokens)
        {
            var (session, _) = await cache.ValidateAsync(token, CacheDuration, sizeLimit: 3, default);
            Assert.NotNull(session);
        }

        Assert.Equal(3, cache.Count);
        site.Time.Advance(CacheDuration);
        var (last, fromStore) = await cache.ValidateAsync(tokens[4], CacheDuration, sizeLimit: 3, default);
        Assert.NotNull(last);
        Assert.True(fromStore);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task ValidateAsync_EntryNeverOutlivesTheSessionsIdleExpiry()
    {
        await using var site = await new SiteFactory(settings: new() { ["TrendAccount:Tokens:SessionIdleTimeout"] = "00:00:03" }).WithAccountAsync();
        var cache = new SessionCache(site.Accounts, site.Time);
        var token = (await site.Accounts.SignInAsync(new SignInRequest(SiteFactory.Email, SiteFactory.Password))).SessionToken!;
        Assert.NotNull((await cache.ValidateAsync(token, CacheDuration, 10, default)).Session);

        site.Time.Advance(TimeSpan.FromSeconds(3));
        var (session, fromStore) = await cache.ValidateAsync(token, CacheDuration, 10, default);

        Assert.True(fromStore);
        Assert.Null(session);
    }
}
