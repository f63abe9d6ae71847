using TrendAccount.Sdk.Samples.Web;

// dotnet run --project samples/TrendAccount.Sdk.Samples.Web
var app = SampleSite.Build(SampleSite.CreateBuilder(args));
await SampleSite.PrepareAsync(app);
await app.RunAsync();
