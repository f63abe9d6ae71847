using System.Net;
using System.Text.Json;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>Issue #11 items 2 and 4 through the JSON endpoints: the device cookie on forgot-password, and a troubleshooter that reveals nothing.</summary>
public sealed class RecoveryDefenceTests
{
    // 32 bytes of test key material: a constant is fine for a test host, never for production.
    private static readonly string DeviceTokenKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(TestBrowser browser, string path, object body)
    {
        using var response = await browser.PostJsonAsync(path, body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static int ResetMails(SiteFactory site) =>
        site.Stores.Mailer.Sent.Count(m => m.Kind == AccountMessageKind.PasswordReset && m.To == SiteFactory.Email);

    [Fact]
    public async Task ForgotPassword_AddressWindowSpentByOthers_TheOwnersDeviceCookieStillGetsTheMail()
    {
        await using var site = await new SiteFactory(new() { ["TrendAccount:SignIn:DeviceTokenKey"] = DeviceTokenKey }).WithAccountAsync();
        using var owner = site.CreateBrowser();
        await owner.SignInAsync();
        Assert.True(owner.Cookies.ContainsKey(TrendAccountAuthenticationDefaults.DeviceCookieName));
        using var stranger = site.CreateBrowser();

        // Three clients spend the address's window (3 per 15 minutes).
        for (var i = 0; i < 3; i++)
        {
            await site.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(SiteFactory.Email, TestCaptchaVerifier.ValidResponse, new ClientContext($"203.0.113.{i + 1}")));
        }

        await BackgroundWork.WhenIdleAsync(site.Services);
        var spent = ResetMails(site);

        var fromStranger = await PostAsync(stranger, "/account/forgot-password", new { email = SiteFactory.Email, captchaResponse = TestCaptchaVerifier.ValidResponse });
        await BackgroundWork.WhenIdleAsync(site.Services);
        var afterStranger = ResetMails(site);
        var fromOwner = await PostAsync(owner, "/account/forgot-password", new { email = SiteFactory.Email, captchaResponse = TestCaptchaVerifier.ValidResponse });
        await BackgroundWork.WhenIdleAsync(site.Services);

        Assert.Equal(3, spent);
        Assert.Equal(fromStranger, fromOwner);
        Assert.Equal(spent, afterStranger);
        Assert.Equal(spent + 1, ResetMails(site));
    }

    [Fact]
    public async Task Troubleshoot_FiftyCallsInProduction_RevealNoAddressAndAnswerTheSameForEverySerialState()
    {
        // Issue #11 item 4: over HTTP in Production the endpoint returned the registered address (masked) in 50 of 50
        // calls and told unknown, activated-unregistered and registered serials apart.
        await using var site = await new SiteFactory(environment: "Production").WithAccountAsync();
        const string Activated = "PQRS-1234-5678-9012-0001";
        const string Unknown = "PQRS-1234-5678-9012-0002";
        Assert.True((await site.Accounts.ActivateProductAsync(new ProductActivationRequest(Activated))).Succeeded);
        using var browser = site.CreateBrowser();
        object[] shapes =
        [
            new { changedEmailAddress = true, forgotPassword = true },
            new { noAccessToMailbox = true },
            new { forgotEmail = true },
            new { alreadyTried = new[] { "RetypeCredentials", "RecoverEmailBySerial", "ResetPassword" } },
            new { },
        ];

        var revealed = 0;
        for (var call = 0; call < 50; call++)
        {
            var answers = new List<string>();
            foreach (var serial in new[] { SiteFactory.SeedSerial, Activated, Unknown })
            {
                var shape = JsonSerializer.SerializeToNode(shapes[call % shapes.Length])!.AsObject();
                shape["serial"] = serial;
                var (status, text) = await PostAsync(browser, "/account/troubleshoot", shape);
                Assert.Equal(HttpStatusCode.OK, status);
                if (text.Contains("j***n", StringComparison.Ordinal) || text.Contains(SiteFactory.Email, StringComparison.Ordinal))
                {
                    revealed++;
                }

                answers.Add(text.Replace(serial, "<serial>", StringComparison.Ordinal));
            }

            Assert.Single(answers.Distinct());
        }

        Assert.Equal(0, revealed);
    }

    [Fact]
    public async Task Troubleshoot_CustomerSaysNotActivated_InstallAndActivateFirst()
    {
        await using var site = new SiteFactory();
        using var browser = site.CreateBrowser();

        var (_, text) = await PostAsync(browser, "/account/troubleshoot", new { serial = SiteFactory.SeedSerial, notActivated = true });

        var step = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("steps").EnumerateArray());
        Assert.Equal("InstallAndActivate", step.GetProperty("code").GetString());
    }
}
