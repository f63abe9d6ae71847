// The names a ```csharp fragment block may use without declaring them: what a host has at hand where the SDK is
// set up or called. The docs say so in their text ("builder is your host's builder"); keep this list short.
// Compiled into every snippet project (never run); see .ci/snippets/README.md.
#pragma warning disable IDE1006 // lower-case names, as the docs write them
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrendAccount.Sdk;

// Fragments are compiled in namespaces under this one, so they see these types; programs are not.
namespace Snippets.Context;

/// <summary>The base class of every fragment: its members are the names fragments use.</summary>
public abstract class FragmentContext
{
    /// <summary>The host's builder: <c>WebApplication.CreateBuilder(args)</c> or <c>Host.CreateApplicationBuilder(args)</c>.</summary>
    protected IHostApplicationBuilder builder => throw new NotSupportedException();

    /// <summary>The host's services (<c>builder.Services</c>).</summary>
    protected IServiceCollection services => throw new NotSupportedException();

    /// <summary>The host's configuration (<c>builder.Configuration</c>: appsettings.json, environment, secrets).</summary>
    protected IConfiguration configuration => throw new NotSupportedException();

    /// <summary>The built host (<c>builder.Build()</c>).</summary>
    protected IHost app => throw new NotSupportedException();

    /// <summary>What <c>services.AddTrendAccount(...)</c> returned.</summary>
    protected TrendAccountBuilder account => throw new NotSupportedException();

    /// <summary>The flows, resolved from the host's services.</summary>
    protected IAccountService accounts => throw new NotSupportedException();

    /// <summary>The troubleshooter, resolved from the host's services.</summary>
    protected SignInTroubleshooter troubleshooter => throw new NotSupportedException();

    /// <summary>The request's cancellation token.</summary>
    protected CancellationToken cancellationToken => throw new NotSupportedException();
}

/// <summary>Stands for the host's own <see cref="IAccountMailer"/> in fragments (docs: "your mailer").</summary>
public sealed class MyMailer : IAccountMailer
{
    /// <inheritdoc/>
    public Task SendAsync(AccountMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>Stands for the host's own <see cref="ICaptchaVerifier"/> in fragments (docs: "your captcha provider").</summary>
public sealed class MyCaptchaVerifier : ICaptchaVerifier
{
    /// <inheritdoc/>
    public ValueTask<bool> VerifyAsync(string? response, ClientContext client, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
