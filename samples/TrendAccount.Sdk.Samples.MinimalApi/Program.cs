using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrendAccount.Sdk.InMemory;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTrendAccount(builder.Configuration.GetSection("TrendAccount"))
    .UseInMemoryStores()                        // many nodes: UseEntityFrameworkStores(...)
    .UseMailer<RecordingAccountMailer>()        // production: UseSmtpMailer(...)
    .UseCaptchaVerifier<TestCaptchaVerifier>(); // production: UseSiteVerifyCaptcha(...)
builder.Services.AddTrendAccountAuthentication();

var app = builder.Build();
app.MapTrendAccountApi(); // POST /account/signin, /account/forgot-password, ...
if (app.Environment.IsDevelopment()) app.MapTrendAccountActivationApi(); // your activation backend's call, to try it
app.MapGet("/", (ClaimsPrincipal user) => $"Signed in as {user.Identity!.Name}").RequireAuthorization();
app.Run();
