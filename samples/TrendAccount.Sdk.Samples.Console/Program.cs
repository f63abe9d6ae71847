using TrendAccount.Sdk.Samples.Console;

// Plays the vendor support article "Unable to sign in to your Trend Micro Account" end to end, printing each step and
// what the customer would see. By default it runs on the embedded defaults: a SQLite file and a pickup folder of .eml
// files in .sample-data/ under the working folder (git-ignored). --in-memory uses the in-memory stores instead; --work-factor N changes the bcrypt cost;
// --data-dir PATH puts the SQLite file and the pickup folder elsewhere.
var options = SampleOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: dotnet run --project samples/TrendAccount.Sdk.Samples.Console [-- [--in-memory] [--work-factor N] [--data-dir PATH]]");
    return 2;
}

return await ArticleWalkthrough.RunAsync(Console.Out, options);
