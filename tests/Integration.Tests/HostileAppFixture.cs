using AleppoDashboard.Data;
using AleppoDashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.Integration.Tests;

/// <summary>The real app on Kestrel over the hostile test articles, with their place mentions and claim in place.</summary>
public sealed class HostileAppFixture : IAsyncLifetime
{
    public DashboardAppFactory App { get; } = new(HostileArticles.Folder);
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.EnsureFactsAsync();
        Client = App.CreateRealClient();
    }

    public async Task<int> ArticleCountAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardDb>().Articles.CountAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
