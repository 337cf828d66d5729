using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AleppoDashboard.Web.Tests;

/// <summary>
/// A component as the page first sends it: rendered on the server, before any circuit (its interactive twin, if it has
/// one, is tested as an <see cref="InteractiveComponentTests"/>).
/// </summary>
public abstract class PrerenderedComponentTests : BunitContext
{
    protected PrerenderedComponentTests() => SetRendererInfo(new RendererInfo("Static", isInteractive: false));
}

/// <summary>
/// An interactive component on its circuit, as the app runs it: MudBlazor's services, and JavaScript calls that the test
/// does not set up answered with nothing (MudBlazor makes many; a test that cares about one sets it up and checks it).
/// </summary>
public abstract class InteractiveComponentTests : BunitContext, IAsyncLifetime
{
    /// <param name="requestUrl">For a component that reads its request (IHttpContextAccessor): the address the page was
    /// requested at. Services must all be added here, before the renderer is set up.</param>
    protected InteractiveComponentTests(string? requestUrl = null)
    {
        Services.AddMudServices();
        if (requestUrl is not null) Services.AddSingleton(HttpContextFor.Url(requestUrl));
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Where the component sent the browser: its address and history (with how each navigation was asked for).</summary>
    protected BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

    /// <summary>
    /// The component went to <paramref name="address"/> (absolute) in place: enhanced navigation, which patches the page and
    /// keeps the component with its state and keyboard focus, not a full load. <paramref name="single"/>: its only navigation.
    /// </summary>
    protected void AssertWentInPlaceTo(string address, bool single = true)
    {
        Assert.Equal(address, Navigation.Uri);
        Assert.False((single ? Navigation.History.Single() : Navigation.History.First()).Options.ForceLoad);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services are only asynchronously disposable, so xunit must dispose the context asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
