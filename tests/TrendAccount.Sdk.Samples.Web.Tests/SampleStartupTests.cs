using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.AspNetCore;
using TrendAccount.Sdk.AspNetCore.UI;
using TrendAccount.Sdk.Samples.Web.Infrastructure;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// What the sample refuses at start-up outside Development (issue #11 item 11) and what it sets up: a real mailer,
/// a device-token key, the sample captcha only when allowed, the seed serial in Development only, forwarded headers
/// from configured proxies only. The site is built, not started.
/// </summary>
public sealed class SampleStartupTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "trendaccount-startup-" + Guid.NewGuid().ToString("N"));

    private static readonly string[] ProductionRequirements =
    [
        "--TrendAccount:Smtp:Host=127.0.0.1",
        "--TrendAccount:Smtp:FromAddress=account@example.com",
        "--TrendAccount:SignIn:DeviceTokenKey=" + ProductionSiteFixture.DeviceTokenKey,
        "--Sample:Captcha:AllowOutsideDevelopment=true",
    ];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private WebApplication Build(string environment, params string[] settings) =>
        SampleSite.Build(SampleSite.CreateBuilder([$"--environment={environment}", $"--Sample:DataDirectory={_directory}", "--urls=http://127.0.0.1:0", .. settings]));

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Build_OutsideDevelopmentWithoutSmtp_FailsNamingTheSetting(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(environment, [.. ProductionRequirements.Where(s => !s.Contains("Smtp", StringComparison.Ordinal))]));

        Assert.Contains("real mailer", error.Message, StringComparison.Ordinal);
        Assert.Contains("TrendAccount:Smtp:Host", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProductionWithoutDeviceTokenKey_FailsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", [.. ProductionRequirements.Where(s => !s.Contains("DeviceTokenKey", StringComparison.Ordinal))]));

        Assert.Contains("TrendAccount:SignIn:DeviceTokenKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProductionWithTheSampleCaptchaNotAllowed_FailsNamingTheSwitch()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", [.. ProductionRequirements.Where(s => !s.Contains("AllowOutsideDevelopment", StringComparison.Ordinal))]));

        Assert.Contains("Sample:Captcha:AllowOutsideDevelopment=true", error.Message, StringComparison.Ordinal);
        Assert.Contains("TrendAccount:Captcha:VerifyUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProductionWithASiteVerifyProvider_NeedsNoCaptchaSwitch()
    {
        using var app = Build("Production",
        [
            .. ProductionRequirements.Where(s => !s.Contains("AllowOutsideDevelopment", StringComparison.Ordinal)),
            "--TrendAccount:Captcha:VerifyUrl=https://challenges.cloudflare.com/turnstile/v0/siteverify",
            "--TrendAccount:Captcha:Secret=not-a-real-secret",
            "--Sample:CaptchaSiteKey=" + SiteVerifySiteFixture.SiteKey,
        ]);

        Assert.Null(app.Services.GetService<Captcha.SignedCaptcha>());
    }

    [Fact]
    public void Build_BadCaptchaKey_FailsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Development", "--Sample:Captcha:Key=c2hvcnQ="));

        Assert.Contains("Sample:Captcha:Key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Production_NoSeedSerialNoActivationHintAndNoTextQuestion()
    {
        using var app = Build("Production", ProductionRequirements);

        Assert.Null(app.Services.GetRequiredService<SampleSettings>().SeedSerial);
        Assert.Null(app.Services.GetRequiredService<IOptions<TrendAccountUIOptions>>().Value.ActivationHint);
        Assert.False(app.Services.GetRequiredService<Captcha.SignedCaptcha>().OffersQuestion);
        Assert.Equal(ProductionSiteFixture.DeviceTokenKey, app.Services.GetRequiredService<IOptions<TrendAccountOptions>>().Value.SignIn.DeviceTokenKey);
    }

    [Fact]
    public void Build_DevelopmentWithoutDeviceTokenKey_GeneratesOne()
    {
        using var app = Build("Development");

        var key = app.Services.GetRequiredService<IOptions<TrendAccountOptions>>().Value.SignIn.DeviceTokenKey;

        Assert.Equal(SignInOptions.MinimumDeviceTokenKeyBytes, Convert.FromBase64String(key!).Length);
        Assert.Equal(Serials.Seeded, app.Services.GetRequiredService<SampleSettings>().SeedSerial);
    }

    [Fact]
    public void Client_ForwardedForFromAnUnlistedProxy_Ignored()
    {
        using var app = Build("Development");

        var client = ClientOf(app, "10.0.0.1", "198.51.100.7");

        Assert.Equal("10.0.0.1", client.IpAddress);
    }

    [Fact]
    public void Client_ForwardedForFromAConfiguredProxy_Believed()
    {
        using var app = Build("Development", "--Sample:KnownProxies:0=10.0.0.1", "--Sample:KnownNetworks:0=10.9.0.0/16");

        Assert.Equal("198.51.100.7", ClientOf(app, "10.0.0.1", "198.51.100.7").IpAddress);
        Assert.Equal("198.51.100.8", ClientOf(app, "10.9.3.4", "198.51.100.8").IpAddress);
        Assert.Equal("10.8.0.1", ClientOf(app, "10.8.0.1", "198.51.100.9").IpAddress);
    }

    private static ClientContext ClientOf(WebApplication app, string connection, string forwardedFor)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Connection.RemoteIpAddress = IPAddress.Parse(connection);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context.GetTrendAccountClient();
    }
}
