namespace RecruiterBot.Host.Tests;

/// <summary>One default host shared by the tests of a class; every test uses its own conversation ids.</summary>
public sealed class HostFixture : IDisposable
{
    public HostFactory Factory { get; } = new();

    public HttpClient Client => Factory.CreateClient();

    public void Dispose() => Factory.Dispose();
}
