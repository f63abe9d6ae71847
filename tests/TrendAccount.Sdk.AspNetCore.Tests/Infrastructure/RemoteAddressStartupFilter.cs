using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>
/// Sets the connection's remote address (the test server has none) and answers <c>GET /test/client</c> with what
/// <see cref="HttpContextClientExtensions.GetTrendAccountClient"/> reads.
/// </summary>
internal sealed class RemoteAddressStartupFilter(Func<IPAddress?> address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address();
            if (context.Request.Path == "/test/client")
            {
                var client = context.GetTrendAccountClient();
                await context.Response.WriteAsJsonAsync(new Dictionary<string, string?> { ["ipAddress"] = client.IpAddress, ["userAgent"] = client.UserAgent }, JsonSerializerOptions.Web);
                return;
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}
