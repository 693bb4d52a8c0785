using Microsoft.OpenApi;
using Scalar.AspNetCore;
using VideoHub.Hosting;

namespace VideoHub.Features.Api.Infrastructure;

/// <summary>Marks a creating POST that honours Idempotency-Key, so the document describes the header.</summary>
public sealed class IdempotentCreateMetadata;

/// <summary>
/// /openapi/v1.json generated from the /api/v1 endpoints, and the Scalar reference at /api/reference, served from
/// the package's own files (no CDN, no web fonts) with a per-response script nonce instead of a looser CSP.
/// </summary>
public static class ApiOpenApi
{
    public const string DocumentRoute = "/openapi/{documentName}.json";
    public const string DocumentUrl = "/openapi/v1.json";
    public const string ReferencePath = "/api/reference";
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "VideoHub API", Version = "v1",
                    Description = "Automate VideoHub with a personal access token (Authorization: Bearer vhp_…). Errors are RFC 9457 problem details; creating POSTs accept an Idempotency-Key; each token is rate limited (429 with Retry-After).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "vhp_ personal access token",
                    Description = "Create a token on your profile's API tokens page.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentCreateMetadata>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = Idempotency.Header, In = ParameterLocation.Header, Required = false,
                        Description = "Any unique string (e.g. a UUID). The same key with the same body returns the first answer and creates nothing new; with another body it is refused (422).",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                    });
                }
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Endpoints.BatchBodyMetadata>().Any())
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true, Description = "One JSON object per line, or a .jsonl/.csv file as the form field 'file'.",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/jsonl"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                            ["multipart/form-data"] = new()
                            {
                                Schema = new OpenApiSchema
                                {
                                    Type = JsonSchemaType.Object,
                                    Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                                },
                            },
                        },
                    };
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentRoute).AllowAnonymous();
        endpoints.MapScalarApiReference(ReferencePath, (options, http) =>
        {
            var nonce = SecurityHeaders.ScriptNonce(http);
            options.WithTitle("VideoHub API reference").WithOpenApiRoutePattern(DocumentRoute).DisableDefaultFonts()
                .WithNonce(nonce).DisableAgent().DisableMcp()
                .AddPreferredSecuritySchemes([BearerScheme]);
        }).AllowAnonymous();
        return endpoints;
    }
}
