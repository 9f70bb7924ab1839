using System.Net;

namespace RecruiterBot.Host.Tests.WebChat;

public sealed class PageTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task GetRoot_ServesThePageWithAStrictContentSecurityPolicy()
    {
        using var response = await host.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("assets/lib/adaptivecards.min.js", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Theory]
    [InlineData("/assets/webchat.js", "text/javascript")]
    [InlineData("/assets/webchat.css", "text/css")]
    [InlineData("/assets/lib/adaptivecards.min.js", "text/javascript")]
    public async Task GetAsset_ServedFromTheHost(string path, string contentType)
    {
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Theory]
    [InlineData("/assets/nope.js")]
    [InlineData("/assets/../appsettings.json")]
    [InlineData("/assets/%2e%2e/RecruiterBot.Host.dll")]
    [InlineData("/assets/lib")]
    public async Task GetAsset_Unknown_404(string path)
    {
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
