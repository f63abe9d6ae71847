using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>docs/aspnetcore.md shows the minimal-API sample's Program.cs verbatim, and it stays under 20 lines.</summary>
public sealed class AspNetCoreDocsTests
{
    [Fact]
    public void AspNetCoreDoc_ProgramSnippet_IsTheTestedSampleVerbatim()
    {
        var root = OpenApiDocumentTests.RepositoryRoot();
        var program = File.ReadAllText(Path.Combine(root, "samples/TrendAccount.Sdk.Samples.MinimalApi/Program.cs")).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        var doc = File.ReadAllText(Path.Combine(root, "docs/aspnetcore.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains("```csharp\n" + program + "\n```", doc, StringComparison.Ordinal);
        Assert.True(program.Split('\n').Length < 20, $"Program.cs has {program.Split('\n').Length} lines; the doc promises fewer than 20.");
    }
}

/// <summary>The other snippets of docs/aspnetcore.md, compiled here and run.</summary>
public sealed class AspNetCoreDocsSnippetTests
{
    [Fact]
    public void AspNetCoreDoc_DevelopmentCookieSnippet_PassesValidation()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();

        // docs/aspnetcore.md, "The cookie"
        builder.Services.AddTrendAccountAuthentication(options =>
        {
            options.Cookie.Name = "TrendAccount.Session";                 // no __Host- prefix without https
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        using var provider = builder.Services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<TrendAccountAuthenticationOptions>>().Get(TrendAccountAuthenticationDefaults.AuthenticationScheme);
        Assert.Equal("TrendAccount.Session", options.Cookie.Name);
    }

    [Fact]
    public void AspNetCoreDoc_KnownProxiesSnippet_IsRead()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();

        // docs/aspnetcore.md, "The client, read correctly"
        builder.Services.Configure<TrendAccountClientOptions>(options =>
        {
            options.KnownProxies.Add(IPAddress.Parse("10.0.0.1"));
            options.KnownNetworks.Add("10.1.0.0/16");
        });

        using var provider = builder.Services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<TrendAccountClientOptions>>().Value;
        Assert.Equal([IPAddress.Parse("10.0.0.1")], options.KnownProxies);
        Assert.True(new TrendAccountClientOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public async Task AspNetCoreDoc_SignInManagerSnippet_AddsTheGenericMessage()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        var page = new DocSignInPage(site.Services.GetRequiredService<TrendAccountSignInManager>())
        {
            PageContext = new Microsoft.AspNetCore.Mvc.RazorPages.PageContext { HttpContext = new DefaultHttpContext { RequestServices = site.Services } },
        };
        page.Input.Email = SiteFactory.Email;
        page.Input.Password = "Not-The-Password-1";

        await page.OnPostAsync();

        Assert.Equal(TrendAccountMessages.Default.WrongInformation, Assert.Single(page.ModelState[""]!.Errors).ErrorMessage);
    }

    [Fact]
    public void AspNetCoreDoc_Snippets_AreOnThePage()
    {
        var doc = File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "docs/aspnetcore.md"));
        var source = File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "tests/TrendAccount.Sdk.AspNetCore.Tests/AspNetCoreDocsTests.cs"));
        string[] snippets =
        [
            "options.Cookie.Name = \"TrendAccount.Session\";                 // no __Host- prefix without https",
            "options.KnownNetworks.Add(\"10.1.0.0/16\");",
            "var result = await signIn.SignInAsync(HttpContext, Input.Email, Input.Password);",
            "if (!result.Succeeded) ModelState.AddModelError(\"\", result.Message); // the article's one generic message",
        ];
        foreach (var snippet in snippets)
        {
            Assert.Contains(snippet, doc, StringComparison.Ordinal);
            Assert.Contains(snippet, source, StringComparison.Ordinal);
        }
    }

    private sealed class DocSignInPage(TrendAccountSignInManager signIn) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
    {
        public InputModel Input { get; } = new();

        public async Task OnPostAsync()
        {
#pragma warning disable IDE0011 // docs/aspnetcore.md shows the one-line form
            var result = await signIn.SignInAsync(HttpContext, Input.Email, Input.Password);
            if (!result.Succeeded) ModelState.AddModelError("", result.Message); // the article's one generic message
#pragma warning restore IDE0011
        }

        public sealed class InputModel
        {
            public string? Email { get; set; }

            public string? Password { get; set; }
        }
    }
}

/// <summary>The curl walk of docs/aspnetcore.md against the sample in Development: activate, register, confirm, sign in, signed-in page.</summary>
public sealed class AspNetCoreDocsJourneyTests
{
    [Fact]
    public async Task AspNetCoreDoc_CurlJourney_EndsOnTheSignedInPage()
    {
        await using var site = new SiteFactory(environment: "Development");
        using var browser = site.CreateBrowser();

        using var activate = await browser.PostJsonAsync("/account/activate", new { serial = SiteFactory.SeedSerial });
        using var register = await browser.PostJsonAsync("/account/register",
            new { serial = SiteFactory.SeedSerial, email = SiteFactory.Email, password = SiteFactory.Password, confirmation = SiteFactory.Password, captchaResponse = Testing.TestCaptchaVerifier.ValidResponse });
        var link = (await site.Stores.Mailer.NextToAsync(SiteFactory.Email)).Link!.AbsoluteUri;
        using var confirm = await browser.PostJsonAsync("/account/register/confirm", new { token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..] });
        await browser.SignInAsync();
        using var page = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        Assert.Contains("\"succeeded\":true", await register.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"succeeded\":true", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Signed in as " + SiteFactory.Email, await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MinimalApiSample_OutsideDevelopment_DoesNotMapActivation()
    {
        await using var site = new SiteFactory();
        using var browser = site.CreateBrowser();

        using var activate = await browser.PostJsonAsync("/account/activate", new { serial = SiteFactory.SeedSerial });

        Assert.Equal(HttpStatusCode.NotFound, activate.StatusCode);
    }
}
