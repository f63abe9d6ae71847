using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>
/// The OpenAPI document of <c>MapTrendAccountApi()</c> and <c>MapTrendAccountActivationApi()</c> is committed as
/// docs/openapi/trendaccount-api.json; this test fails when the endpoints drift from it. Refresh it with
/// <c>TRENDACCOUNT_UPDATE_OPENAPI=1 dotnet test tests/TrendAccount.Sdk.AspNetCore.Tests --filter OpenApi</c>.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private const string CommittedPath = "docs/openapi/trendaccount-api.json";

    [Fact]
    public async Task OpenApiDocument_OfTheEndpoints_MatchesTheCommittedFile()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddTrendAccount(o =>
            {
                o.Recovery.ResetLinkBaseUrl = new Uri("https://localhost/reset-password?token=");
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://localhost/confirm-registration?token=");
            })
            .UseInMemoryStores().UseMailer<RecordingAccountMailer>().UseCaptchaVerifier<TestCaptchaVerifier>();
        builder.Services.AddTrendAccountAuthentication();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "TrendAccount.Sdk.AspNetCore", Version = "v1" };
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));
        await using var app = builder.Build();
        app.MapTrendAccountApi();
        app.MapTrendAccountActivationApi();
        app.MapOpenApi();
        await app.StartAsync();

        var actual = Normalize(await app.GetTestClient().GetStringAsync("/openapi/v1.json"));
        var path = Path.Combine(RepositoryRoot(), CommittedPath);
        if (Environment.GetEnvironmentVariable("TRENDACCOUNT_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, actual);
        }

        Assert.True(File.Exists(path), $"{CommittedPath} is missing: run with TRENDACCOUNT_UPDATE_OPENAPI=1 to write it.");
        var committed = Normalize(await File.ReadAllTextAsync(path));
        Assert.True(committed == actual,
            $"The endpoints drifted from {CommittedPath}. If the change is intended, run TRENDACCOUNT_UPDATE_OPENAPI=1 dotnet test tests/TrendAccount.Sdk.AspNetCore.Tests --filter OpenApi and commit the file.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrendAccount.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TrendAccount.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
