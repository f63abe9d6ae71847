using TrendAccount.Sdk.Samples.Console;

// Plays the vendor support article "Unable to sign in to your Trend Micro Account" end to end with the
// in-memory stores and a recording mailer, printing each step and what the customer would see.
// Pass --work-factor N to change the bcrypt cost (default 10, the lowest allowed outside tests).
var workFactor = args.Length == 2 && args[0] == "--work-factor" && int.TryParse(args[1], out var n) ? n : 10;
return await ArticleWalkthrough.RunAsync(Console.Out, workFactor);
