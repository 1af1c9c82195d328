using HoldingToAccount.Core;

namespace HoldingToAccount.Dashboard.Api;

/// <summary>Turns refusals from Core into problem responses with the refusal's own message.</summary>
internal sealed class DomainErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException ex)
        {
            var status = ex switch
            {
                NotFoundException => StatusCodes.Status404NotFound,
                ForbiddenException => StatusCodes.Status403Forbidden,
                StaleEditException => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return TypedResults.Problem(ex.Message, statusCode: status);
        }
    }
}
