using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrendAccount.Sdk;
using TrendAccount.Sdk.InMemory;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTrendAccount(builder.Configuration.GetSection("TrendAccount"))
    .UseInMemoryStores().UseMailer<RecordingAccountMailer>() // production: UseEntityFrameworkStores(...), UseSmtpMailer(...)
    .UseCaptchaVerifier<StandInCaptcha>();                    // production: UseSiteVerifyCaptcha(...)
builder.Services.AddTrendAccountAuthentication();
var app = builder.Build();
app.MapTrendAccountApi(); // POST /account/signin, /account/forgot-password, ...
if (app.Environment.IsDevelopment()) app.MapTrendAccountActivationApi(); // your activation backend's call, to try it
app.MapGet("/", (ClaimsPrincipal user) => $"Signed in as {user.Identity!.Name}").RequireAuthorization();
app.Run();

sealed class StandInCaptcha : ICaptchaVerifier { public ValueTask<bool> VerifyAsync(string? response, ClientContext client, CancellationToken cancellationToken) => ValueTask.FromResult(response == "human"); }
