using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HoldingToAccount.Dashboard.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, written for client generators: only the public API and the calendar
/// feeds, every API operation under the personal token or the sign-in cookie, times as "HH:mm", enums as their words,
/// every error status as problem details, and files with their content types.
/// </summary>
internal static class ApiDocument
{
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";
    public const string HourMinutePattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    private const string ProblemContentType = "application/problem+json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath is { } path
                && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("ical/", StringComparison.Ordinal));
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var path = context.Description.RelativePath ?? "";
                if (path.StartsWith("api/", StringComparison.Ordinal))
                {
                    operation.Security = [Requirement(BearerScheme, context.Document), Requirement(CookieScheme, context.Document)];
                    ProblemsForErrors(operation, context.Document);
                }
                else
                {
                    // Calendar programs cannot sign in: the calendar key in the address is the credential.
                    operation.Security = [];
                }
                TypeFileContent(operation, context.Description.ActionDescriptor.EndpointMetadata);
                ListAllowedWords(operation);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type == typeof(TimeOnly))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = null;
                    schema.Pattern = HourMinutePattern;
                    schema.Description ??= "A local time in Europe/London, HH:mm.";
                }
                else if (type.IsEnum && schema.Enum is { Count: > 0 })
                    schema.Type = JsonSchemaType.String;
                else if (type == typeof(NewUpdate))
                    DescribeNewUpdate(schema);
                else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
                    RequireComputedProperties(schema, context.JsonTypeInfo);
                return Task.CompletedTask;
            });
        });

    private static void Describe(OpenApiDocument document)
    {
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');
        document.Info = new OpenApiInfo
        {
            Title = "Holding to Account API",
            Version = "v1",
            Description = "The action register of the Police and Crime Commissioner's holding-to-account meetings: meetings, actions "
                + "and their updates, the meeting documents and the action log. Sign in with a personal API token "
                + "(Authorization: Bearer hta_…, made by the secretariat with create-token). JSON uses camelCase, dates YYYY-MM-DD, "
                + "times HH:mm (Europe/London) and owners as role codes. Every error is an RFC 9457 problem (application/problem+json).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal API token: Authorization: Bearer hta_…",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "hta.auth",
            Description = "The dashboard's sign-in cookie, for scripts running in a signed-in browser.",
        };
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "Meetings", Description = "Meetings with their attendance, agenda and actions." },
            new() { Name = "Actions", Description = "The action register and the updates posted to it." },
            new() { Name = "Exports", Description = "The meeting documents and the action log as files." },
            new() { Name = "Calendar feeds", Description = "iCalendar feeds for Outlook's Subscribe from web; the calendar key in the address is the credential." },
        };
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    /// <summary>Every API operation can be refused for sign-in (401), role (403), or rate (429), and can fail (500);
    /// each error status, declared here or by the endpoint, is a problem document.</summary>
    private static void ProblemsForErrors(OpenApiOperation operation, OpenApiDocument? document)
    {
        operation.Responses ??= [];
        foreach (var (status, description) in new[]
        {
            ("401", "Not signed in: no token, or a token that is unknown, expired or revoked."),
            ("403", "Signed in, but the account's role may not do this."),
            ("429", "Too many requests from this address; try again in a minute."),
            ("500", "The server failed; the problem's traceId identifies it in the logs."),
        })
            operation.Responses.TryAdd(status, new OpenApiResponse { Description = description });

        foreach (var (status, response) in operation.Responses.ToList())
        {
            if (!int.TryParse(status, out var code) || code < 400 || response is not OpenApiResponse concrete)
                continue;
            concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var other in concrete.Content.Keys.Where(k => k != ProblemContentType).ToList())
                concrete.Content.Remove(other);
            concrete.Content.TryAdd(ProblemContentType, new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails", document) });
            if (string.IsNullOrEmpty(concrete.Description) || concrete.Description == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code))
                concrete.Description = code switch
                {
                    400 => "The request is not valid; detail says why.",
                    404 => "There is no such meeting or action.",
                    409 => "The action changed since the version given; read it again and retry.",
                    _ => concrete.Description,
                };
        }
    }

    /// <summary>Files are strings: text for CSV, HTML and iCalendar, binary for Word and Excel, under the content type
    /// the endpoint declares.</summary>
    private static void TypeFileContent(OpenApiOperation operation, IList<object> metadata)
    {
        var files = metadata.OfType<IProducesResponseTypeMetadata>()
            .Where(m => m.StatusCode == StatusCodes.Status200OK)
            .SelectMany(m => m.ContentTypes)
            .Where(type => !type.Contains("json", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        if (files.Count == 0 || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
            return;
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var type in files)
            response.Content[type] = new OpenApiMediaType
            {
                Schema = type.StartsWith("text/", StringComparison.Ordinal)
                    ? new OpenApiSchema { Type = JsonSchemaType.String }
                    : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
            };
    }

    /// <summary>Query parameters that take a fixed set of words say which.</summary>
    private static void ListAllowedWords(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            IEnumerable<string>? words = parameter.Name switch
            {
                "status" => StatusFilter.All.Select(f => f.Word),
                "variant" => ["full", "public"],
                _ => null,
            };
            if (words is not null)
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = words.Select(w => (JsonNode)JsonValue.Create(w)!).ToList() };
        }
    }

    /// <summary>A property computed from the others (a reference from year and sequence) is always written, and is null
    /// only where its type says so.</summary>
    private static void RequireComputedProperties(OpenApiSchema schema, JsonTypeInfo type)
    {
        foreach (var property in type.Properties.Where(p => p.Get is not null && p.Set is null))
        {
            if (schema.Properties?.TryGetValue(property.Name, out var described) != true)
                continue;
            schema.Required ??= new HashSet<string>();
            schema.Required.Add(property.Name);
            if (described is OpenApiSchema { Type: { } types } concrete && property.AttributeProvider is PropertyInfo info
                && new NullabilityInfoContext().Create(info).ReadState == NullabilityState.NotNull)
                concrete.Type = types & ~JsonSchemaType.Null;
        }
    }

    /// <summary>The server needs only the text; status and version are optional, and status takes the two words an update may set.</summary>
    private static void DescribeNewUpdate(OpenApiSchema schema)
    {
        schema.Required = new HashSet<string> { "text" };
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["text"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            MinLength = 1,
            MaxLength = InputLimits.UpdateText,
            Description = "The update, as the owner would write it in the register.",
        };
        schema.Properties["status"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [JsonValue.Create(nameof(ActionStatus.UpdateProvided))!, JsonValue.Create(nameof(ActionStatus.ProposedComplete))!],
            Description = "Leave out to record an update; ProposedComplete proposes the action for closing at the next meeting.",
        };
        schema.Properties["version"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Description = "The action's version as last read; a newer version on the server refuses the update with 409.",
        };
    }
}
