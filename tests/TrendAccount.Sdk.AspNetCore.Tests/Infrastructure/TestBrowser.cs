using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>An HTTP client that keeps cookies by hand, so tests can read, tamper with and replay them.</summary>
public sealed class TestBrowser(HttpClient client) : IDisposable
{
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the raw <c>Set-Cookie</c> headers of the last response.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public string? AntiforgeryToken { get; set; }

    public string? AntiforgeryHeader { get; set; }

    public HttpClient Client => client;

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    public Task<HttpResponseMessage> GetAsync(string path, string? accept = null) => SendAsync(HttpMethod.Get, path, accept: accept);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? accept = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (accept is not null)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        }

        if (AntiforgeryToken is not null)
        {
            request.Headers.Add(AntiforgeryHeader!, AntiforgeryToken);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        var response = await client.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];
        foreach (var header in LastSetCookies)
        {
            var pair = header.Split(';', 2)[0];
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            var value = pair[(name.Length + 1)..];
            var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || expired)
            {
                Cookies.Remove(name);
            }
            else
            {
                Cookies[name] = value;
            }
        }

        return response;
    }

    /// <summary>Fetches the antiforgery token (after signing in: it is bound to the customer) and sends it from now on.</summary>
    public async Task FetchAntiforgeryAsync()
    {
        AntiforgeryToken = null;
        using var response = await GetAsync("/account/antiforgery");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        AntiforgeryToken = body.GetProperty("requestToken").GetString();
        AntiforgeryHeader = body.GetProperty("headerName").GetString();
    }

    public async Task<JsonElement> SignInAsync(string email = SiteFactory.Email, string password = SiteFactory.Password)
    {
        using var response = await PostJsonAsync("/account/signin", new { email, password });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public string? SessionCookie => Cookies.GetValueOrDefault(TrendAccountAuthenticationDefaults.CookieName);

    public void Dispose() => client.Dispose();
}
