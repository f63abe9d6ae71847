using System.Net;
using System.Text.RegularExpressions;
using TrendAccount.Sdk.Samples.Web.Captcha;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>The sample captcha over HTTP (issue #11 item 11): nothing in the markup answers it, an answer counts once.</summary>
public sealed partial class SampleCaptchaSiteTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    [Fact]
    public async Task ForgotPassword_MarkupScannedForTheAnswer_FailsTwentyOfTwenty()
    {
        // Before: the answer was SVG <text>; this regex read it in 20 of 20 pages, also in Production.
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var solved = 0;
        for (var page = 0; page < 20; page++)
        {
            var html = await client.GetStringAsync("/ForgotPassword");
            var token = TokenField().Match(html).Groups[1].Value;
            var answer = site.CaptchaAnswer(token);

            var svgText = string.Concat(SvgText().Matches(html).Select(m => m.Groups[1].Value));
            var candidates = Words().Matches(html).Select(m => m.Value.ToUpperInvariant()).ToHashSet();
            if (svgText.Equals(answer, StringComparison.OrdinalIgnoreCase) || candidates.Contains(answer) || html.Contains(answer, StringComparison.OrdinalIgnoreCase))
            {
                solved++;
            }

            using var image = await client.GetAsync(new CaptchaChallenge(token).ImageUrl);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(answer, System.Text.Encoding.Latin1.GetString(await image.Content.ReadAsByteArrayAsync()), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0, solved);
    }

    [Fact]
    public async Task CaptchaImage_TamperedOrForeignToken_NotFound()
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };

        using var garbage = await client.GetAsync(SignedCaptcha.ImagePath + "?c=" + new string('A', 56));
        using var none = await client.GetAsync(SignedCaptcha.ImagePath);

        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_UsedChallengePostedAgain_RefusedAsACaptchaFailure()
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(site.BaseUrl) };
        var html = await client.GetStringAsync("/ForgotPassword");
        var form = new Dictionary<string, string>
        {
            ["Email"] = "replay@example.com",
            ["CaptchaToken"] = TokenField().Match(html).Groups[1].Value,
            ["CaptchaAnswer"] = site.CaptchaAnswer(TokenField().Match(html).Groups[1].Value),
            ["__RequestVerificationToken"] = Antiforgery().Match(html).Groups[1].Value,
        };

        using var first = await client.PostAsync("/ForgotPassword", new FormUrlEncodedContent(form));
        using var replay = await client.PostAsync("/ForgotPassword", new FormUrlEncodedContent(form));

        Assert.Contains("Check your email", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refused = await replay.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Check your email", refused, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", refused, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"CaptchaToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("<text[^>]*>([^<]*)</text>")]
    private static partial Regex SvgText();

    [GeneratedRegex("[A-Za-z0-9]{5}")]
    private static partial Regex Words();
}
