namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>What <see cref="SignedCaptcha.Check"/> made of an answer.</summary>
public enum CaptchaCheck
{
    /// <summary>The right answer to a genuine, unexpired challenge answered for the first time.</summary>
    Accepted,

    /// <summary>A wrong answer; the challenge is used up all the same.</summary>
    Wrong,

    /// <summary>No answer, or no challenge token.</summary>
    Missing,

    /// <summary>The token is malformed or its signature does not match (forged or altered).</summary>
    Tampered,

    /// <summary>The challenge's lifetime has passed.</summary>
    Expired,

    /// <summary>The challenge was answered before: an answer counts once.</summary>
    Replayed,

    /// <summary>The memory of answered challenges is full of unexpired ones; refused until some expire.</summary>
    Busy,
}
