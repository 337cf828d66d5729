namespace AleppoDashboard.Web.Filtering;

/// <summary>
/// On the /export and /api groups: a request whose shared filter is invalid gets the plain-text 400 with its
/// reasons before the handler runs, so handlers only ever see a valid filter (<see cref="RequestFilter"/> caches it).
/// </summary>
public sealed class ValidFilterRequired : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var filter = await http.RequestServices.GetRequiredService<RequestFilter>().ResolveAsync(http.RequestAborted);
        return filter.IsValid ? await next(context) : RequestFilter.BadRequest(filter.Errors);
    }
}
