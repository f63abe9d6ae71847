using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using TrendAccount.Sdk.AspNetCore;
using Microsoft.EntityFrameworkCore;
using TrendAccount.Sdk.AspNetCore.UI;
using TrendAccount.Sdk.Captcha;
using TrendAccount.Sdk.EntityFrameworkCore;
using TrendAccount.Sdk.Samples.Web.Captcha;
using TrendAccount.Sdk.Samples.Web.Infrastructure;

namespace TrendAccount.Sdk.Samples.Web;

/// <summary>
/// Composes the sample site. <c>Program.cs</c> runs it; the browser tests start the same site in-process with their
/// own configuration (a fresh SQLite file, a free loopback port).
/// </summary>
public static partial class SampleSite
{
    /// <summary>The page the emailed "change your password now" link opens.</summary>
    public const string ChangePasswordPath = "/ChangePassword";

    public const string ConfirmRegistrationPath = "/ConfirmRegistration";

    /// <summary>Creates the builder: configuration and logging only; <see cref="Build"/> adds the services.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, string? contentRoot = null) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The tests host the site from their own assembly: name the one holding the pages.
            ApplicationName = typeof(SampleSite).Assembly.GetName().Name,
            ContentRootPath = contentRoot,
        });

    /// <summary>Adds the SDK and the sample's services, then builds the request pipeline.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();

        // Request URLs carry the reset token (?token=...); the hosting diagnostics would log them at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

        var dataDirectory = Path.GetFullPath(configuration["Sample:DataDirectory"] ?? "App_Data", builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        var database = Path.GetFullPath(configuration["Sample:Database"] ?? "trendaccount.db", dataDirectory);
        var outbox = Path.GetFullPath(configuration["Sample:PickupDirectory"] ?? "outbox", dataDirectory);

        if (development)
        {
            // Moves forward only through the Dev/Clock page, so a lockout can be shown expiring.
            services.AddSingleton<AdjustableClock>();
            services.AddSingleton<TimeProvider>(static provider => provider.GetRequiredService<AdjustableClock>());
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }

        var sdk = services.AddTrendAccount(configuration.GetSection(TrendAccountOptions.SectionName))
            .UseEntityFrameworkStores(options => options.UseSqlite($"Data Source={database}"));
        services.PostConfigure<TrendAccountOptions>(options =>
        {
            options.Recovery.ResetLinkBaseUrl ??= DefaultLink(configuration, ChangePasswordPath);
            options.Recovery.RegistrationLinkBaseUrl ??= DefaultLink(configuration, ConfirmRegistrationPath);
        });

        // Production sends real mail: a pickup folder of live reset links is for a developer's machine only.
        if (configuration.GetSection("TrendAccount:Smtp").Exists())
        {
            sdk.UseSmtpMailer(configuration.GetSection("TrendAccount:Smtp"));
        }
        else if (development)
        {
            sdk.UsePickupDirectoryMailer(outbox);
        }
        else
        {
            throw new InvalidOperationException(
                $"The sample needs a real mailer in the {builder.Environment.EnvironmentName} environment: set TrendAccount:Smtp:Host and TrendAccount:Smtp:FromAddress " +
                "(see samples/TrendAccount.Sdk.Samples.Web/README.md). The pickup folder of emails, with live reset links in it, is used in Development only.");
        }

        // Device tokens (issue #11): the owner's own browsers keep signing in while the account is under attack.
        if (string.IsNullOrEmpty(configuration["TrendAccount:SignIn:DeviceTokenKey"]))
        {
            if (!development)
            {
                throw new InvalidOperationException(
                    $"The sample needs TrendAccount:SignIn:DeviceTokenKey in the {builder.Environment.EnvironmentName} environment: base64 of 32 random bytes " +
                    "(for example `openssl rand -base64 32`), kept secret and the same on every node. Development generates one at start-up.");
            }

            var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SignInOptions.MinimumDeviceTokenKeyBytes));
            services.PostConfigure<TrendAccountOptions>(options => options.SignIn.DeviceTokenKey ??= generated);
        }

        // Forwarded headers count only from the proxies listed here (none by default: the connection's address is the client).
        var proxies = configuration.GetSection("Sample:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("Sample:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<TrendAccountClientOptions>(options =>
        {
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Sample:KnownProxies entry \"{proxy}\" is not an IP address."));
            }

            foreach (var network in networks)
            {
                options.KnownNetworks.Add(network);
            }
        });

        var captchaSection = configuration.GetSection(SiteVerifyCaptchaOptions.SectionName);
        CaptchaWidget widget;
        if (!string.IsNullOrEmpty(captchaSection["VerifyUrl"]))
        {
            sdk.UseSiteVerifyCaptcha(captchaSection);
            widget = CaptchaWidget.For(new Uri(captchaSection["VerifyUrl"]!), configuration["Sample:CaptchaSiteKey"]);
        }
        else
        {
            services.AddSingleton(SampleCaptchaOptions(configuration, builder.Environment));
            services.AddSingleton(static provider => new SignedCaptcha(provider.GetRequiredService<SignedCaptchaOptions>(), provider.GetRequiredService<TimeProvider>()));
            sdk.UseCaptchaVerifier<CharacterCaptchaVerifier>();
            widget = CaptchaWidget.SelfHosted;
        }

        // The session cookie, [Authorize] and User come from TrendAccount.Sdk.AspNetCore. Development serves plain http,
        // where browsers refuse the __Host- cookie: a plain name there, the secure defaults everywhere else.
        services.AddTrendAccountAuthentication(options =>
        {
            options.LoginPath = "/";
            if (development)
            {
                options.Cookie.Name = "TrendAccount.Session";
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
        });
        services.AddSingleton(widget);
        services.AddSingleton<ITrendAccountCaptchaForm, SampleCaptchaForm>();

        // The support article's pages come from TrendAccount.Sdk.AspNetCore.UI; this site adds its development pages.
        services.AddTrendAccountUI(options =>
        {
            options.SiteName = "Trend Micro Account (TrendAccount.Sdk sample)";
            options.FooterText = "A sample host of TrendAccount.Sdk. Not affiliated with any vendor.";
            options.DevelopmentActivation = development;
            if (development)
            {
                options.ActivationHint = "Seeded at start-up: " + (configuration["Sample:SeedSerial"] ?? DefaultSeedSerial);
            }

            if (development)
            {
                options.NavigationLinks.Add(new TrendAccountUILink("Outbox (dev)", "/Dev/Outbox", "dev"));
                options.NavigationLinks.Add(new TrendAccountUILink("Clock (dev)", "/Dev/Clock", "dev"));
            }
        });
        // The seed serial is a development convenience: anywhere else serials come from real activations.
        services.AddSingleton(new SampleSettings(development, outbox, development ? configuration["Sample:SeedSerial"] ?? DefaultSeedSerial : null));
        // Keys in memory: a restart only invalidates open forms (antiforgery); sign-in sessions are the SDK's tokens.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        if (!development)
        {
            services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        }

        var app = builder.Build();
        if (!development)
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseTrendAccountSecurityHeaders(headers =>
        {
            foreach (var source in widget.ScriptSources)
            {
                headers.ScriptSources.Add(source);
            }

            foreach (var source in widget.FrameSources)
            {
                headers.FrameSources.Add(source);
            }
        });
        app.MapTrendAccountUI();
        if (widget.IsSelfHosted)
        {
            app.MapGet(SignedCaptcha.ImagePath, static (HttpContext context, SignedCaptcha captcha) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return captcha.RenderImage(context.Request.Query["c"]) is { } png ? Results.File(png, "image/png") : Results.NotFound();
            });
        }

        return app;
    }

    /// <summary>Creates the database if missing and activates the seed serial, then says how to use it.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<TrendAccountDbContext>>();
        await using (var context = await contexts.CreateDbContextAsync())
        {
            await context.Database.EnsureCreatedAsync();
        }

        var settings = app.Services.GetRequiredService<SampleSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrendAccount.Sdk.Samples.Web");
        app.Lifetime.ApplicationStarted.Register(() => LogListening(logger, string.Join(", ", app.Urls), settings.Development ? "/Dev/Outbox" : "(outbox page only in Development)"));
        if (settings.SeedSerial is null)
        {
            return;
        }

        var accounts = app.Services.GetRequiredService<IAccountService>();
        var activation = await accounts.ActivateProductAsync(new ProductActivationRequest(settings.SeedSerial));
        var seeded = activation.Serial is null ? null : await app.Services.GetRequiredService<IAccountStore>().FindSerialAsync(activation.Serial, CancellationToken.None);
        if (seeded?.AccountId is not null)
        {
            // A restart over an existing database: the serial already has an account, so registering it again fails.
            LogSeededAlreadyRegistered(logger, seeded.Serial);
        }
        else
        {
            LogSeeded(logger, activation.Serial ?? settings.SeedSerial, activation.Status);
        }
    }

    /// <summary>
    /// The sample's own captcha, from <c>Sample:Captcha</c>. It is a demonstration (no OCR resistance worth the name), so
    /// outside Development it runs only with <c>Sample:Captcha:AllowOutsideDevelopment=true</c>; production sites
    /// configure a site-verify provider. The key comes from <c>Sample:Captcha:Key</c> or is generated at start-up.
    /// </summary>
    private static SignedCaptchaOptions SampleCaptchaOptions(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Sample:Captcha");
        var development = environment.IsDevelopment();
        if (!development && !section.GetValue<bool>("AllowOutsideDevelopment"))
        {
            throw new InvalidOperationException(
                $"The sample's own captcha does not run in the {environment.EnvironmentName} environment: it is a demonstration, not a defence against bots. " +
                "Configure a site-verify provider (TrendAccount:Captcha:VerifyUrl, TrendAccount:Captcha:Secret, Sample:CaptchaSiteKey), " +
                "or set Sample:Captcha:AllowOutsideDevelopment=true to run it anyway (see samples/TrendAccount.Sdk.Samples.Web/README.md).");
        }

        byte[] key;
        if (section["Key"] is { Length: > 0 } configured)
        {
            var buffer = new byte[configured.Length];
            key = Convert.TryFromBase64String(configured, buffer, out var written) && written >= SignedCaptcha.MinimumKeyBytes
                ? buffer[..written]
                : throw new InvalidOperationException($"Sample:Captcha:Key must be base64 of at least {SignedCaptcha.MinimumKeyBytes} random bytes (or unset to generate one at start-up).");
        }
        else
        {
            key = RandomNumberGenerator.GetBytes(SignedCaptcha.MinimumKeyBytes);
        }

        return new SignedCaptchaOptions
        {
            Key = key,
            Lifetime = section.GetValue("Lifetime", SignedCaptchaOptions.DefaultLifetime),
            MaximumRemembered = section.GetValue("MaximumRemembered", SignedCaptchaOptions.DefaultMaximumRemembered),
            // The text question is machine-readable by nature: on by default where the sample captcha is on by default.
            TextQuestion = section.GetValue("TextQuestion", development),
        };
    }

    internal const string DefaultSeedSerial = "PQRS-1234-5678-9012-3456";

    private static Uri? DefaultLink(IConfiguration configuration, string path)
    {
        // The first URL the site listens on, when it is a concrete one (not port 0 or a wildcard).
        var first = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is not null && Uri.TryCreate(first, UriKind.Absolute, out var url) && url.Port > 0 && !url.Host.Contains('*', StringComparison.Ordinal)
            ? new Uri(url, path + "?token=")
            : null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Seeded serial {Serial} ({Status}): open Activate / register to create an account with it.")]
    private static partial void LogSeeded(ILogger logger, string serial, ProductActivationStatus status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Seeded serial {Serial} is already registered to an account (kept from an earlier run): sign in with that account, or use Can't sign in? to recover it.")]
    private static partial void LogSeededAlreadyRegistered(ILogger logger, string serial);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "TrendAccount sample listening on {Urls}; emails: {Outbox}")]
    private static partial void LogListening(ILogger logger, string urls, string outbox);
}
