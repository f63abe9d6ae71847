namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>A challenge to render: its id (a hidden form field) and the characters to draw.</summary>
public sealed record CaptchaChallenge(string Id, string Characters);
