using Microsoft.AspNetCore.Http;

namespace AleppoDashboard.Web.Tests;

/// <summary>An IHttpContextAccessor for components under test, as if the page had been requested at <paramref name="url"/>.</summary>
public static class HttpContextFor
{
    public static IHttpContextAccessor Url(string url)
    {
        var uri = new Uri(new Uri("http://localhost"), url);
        var context = new DefaultHttpContext();
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        return new HttpContextAccessor { HttpContext = context };
    }
}
