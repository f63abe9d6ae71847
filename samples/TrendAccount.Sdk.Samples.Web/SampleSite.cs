using Microsoft.AspNetCore.DataProtection;
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

        if (configuration.GetSection("TrendAccount:Smtp").Exists())
        {
            sdk.UseSmtpMailer(configuration.GetSection("TrendAccount:Smtp"));
        }
        else
        {
            sdk.UsePickupDirectoryMailer(outbox);
        }

        var captchaSection = configuration.GetSection(SiteVerifyCaptchaOptions.SectionName);
        CaptchaWidget widget;
        if (!string.IsNullOrEmpty(captchaSection["VerifyUrl"]))
        {
            sdk.UseSiteVerifyCaptcha(captchaSection);
            widget = CaptchaWidget.For(new Uri(captchaSection["VerifyUrl"]!), configuration["Sample:CaptchaSiteKey"]);
        }
        else
        {
            services.AddMemoryCache(options => options.SizeLimit = 10_000);
            services.AddSingleton<CharacterCaptcha>();
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
            options.ActivationHint = "Seeded at start-up: " + (configuration["Sample:SeedSerial"] ?? DefaultSeedSerial);
            if (development)
            {
                options.NavigationLinks.Add(new TrendAccountUILink("Outbox (dev)", "/Dev/Outbox", "dev"));
                options.NavigationLinks.Add(new TrendAccountUILink("Clock (dev)", "/Dev/Clock", "dev"));
            }
        });
        services.AddSingleton(new SampleSettings(development, outbox, configuration["Sample:SeedSerial"] ?? DefaultSeedSerial));
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
        var accounts = app.Services.GetRequiredService<IAccountService>();
        var activation = await accounts.ActivateProductAsync(new ProductActivationRequest(settings.SeedSerial));
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrendAccount.Sdk.Samples.Web");
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

        app.Lifetime.ApplicationStarted.Register(() => LogListening(logger, string.Join(", ", app.Urls), settings.Development ? "/Dev/Outbox" : "(outbox page only in Development)"));
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
