using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Reads and writes the device cookie as <see cref="TrendAccountAuthenticationOptions.DeviceCookie"/> describes it. Never deleted at sign-out.</summary>
internal static class DeviceCookie
{
    /// <summary>Longer values are not device tokens: not sent to the SDK.</summary>
    internal const int MaximumTokenLength = 512;

    public static string? Read(HttpContext context, TrendAccountAuthenticationOptions options)
    {
        var value = context.Request.Cookies[options.DeviceCookie.Name!];
        return string.IsNullOrEmpty(value) || value.Length > MaximumTokenLength ? null : value;
    }

    public static void Write(HttpContext context, TrendAccountAuthenticationOptions options, string token)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        var cookie = options.DeviceCookie.Build(context);
        var lifetime = options.DeviceCookie.Expiration
            ?? context.RequestServices.GetService<IOptions<TrendAccountOptions>>()?.Value.SignIn.DeviceTokenLifetime
            ?? SignInOptions.DefaultDeviceTokenLifetime;
        var time = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        cookie.Expires = time.GetUtcNow().Add(lifetime);
        context.Response.Cookies.Append(options.DeviceCookie.Name!, token, cookie);
    }
}
