package com.estateguard.common.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document a terminal vendor builds on (docs/API.md): every status an /api endpoint
 * can answer, each error as an {@code ApiProblem} (problem+json with a stable {@code code}). The
 * statuses every endpoint shares (key, rate limit, database down) and every body-taking endpoint
 * shares (unreadable, too large) are added here; a controller declares its own (201/200, 404, 409).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "ApiProblem";
    static final String FIELD_ERROR = "ApiFieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** Answered by every /api endpoint, whatever it does. */
    private static final Map<String, String> EVERY_ENDPOINT = Map.of(
            "401", "UNAUTHENTICATED: no X-Api-Key header, or a key that is unknown or revoked",
            "403", "NOT_PERMITTED: the key's device may not do this (e.g. an entrance of another estate)",
            "429", "RATE_LIMITED: too many wrong API keys from this address; wait Retry-After seconds",
            "500", "INTERNAL_ERROR: an unexpected failure; nothing was stored, the request may be retried as is",
            "503", "SERVICE_UNAVAILABLE: the database is unreachable; nothing was stored, retry after Retry-After seconds");

    /** Answered by every endpoint that reads a JSON body. */
    private static final Map<String, String> WITH_BODY = Map.of(
            "400", "VALIDATION_FAILED (see errors[]: field, code, message), MALFORMED_JSON, DUPLICATE_KEY, JSON_TOO_COMPLEX "
                    + "or INVALID_INPUT; nothing was stored",
            "413", "PAYLOAD_TOO_LARGE: the body is larger than the limit (64 KiB by default); nothing was stored",
            "415", "UNSUPPORTED_MEDIA_TYPE: send Content-Type: application/json");

    @Bean
    OpenAPI estateGuardApi() {
        return new OpenAPI()
                .info(new Info().title("EstateGuard API").version("v1")
                        .description("Smart terminals (ACC-07) record checkpoint checks. Authenticate with the API key an "
                                + "estate administrator issues (header X-Api-Key). Errors are application/problem+json "
                                + "(schema ApiProblem) with a stable machine `code`; validation errors list each field in "
                                + "`errors`. `detail` and `errors[].message` follow Accept-Language (zh-CN by default, en)."))
                .components(new Components()
                        .addSecuritySchemes("apiKey",
                                new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key"))
                        .addSchemas(PROBLEM, problemSchema())
                        .addSchemas(FIELD_ERROR, fieldErrorSchema()));
    }

    @Bean
    OpenApiCustomizer everyApiErrorDocumented() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(FIELD_ERROR, fieldErrorSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(OpenApiConfiguration::documentErrors);
                }
            });
        };
    }

    private static void documentErrors(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        EVERY_ENDPOINT.forEach((status, text) -> responses.putIfAbsent(status, new ApiResponse().description(text)));
        if (operation.getRequestBody() != null) {
            WITH_BODY.forEach((status, text) -> responses.putIfAbsent(status, new ApiResponse().description(text)));
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
                if (status.equals("429") || status.equals("503")) {
                    response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                            .schema(new IntegerSchema()));
                }
            }
        });
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("An API error (RFC 9457 problem details) with a stable machine code")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().description("The HTTP status phrase").example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().description("What went wrong, in the Accept-Language language")
                        .example("输入有误： evidence.temperature.celsius: 体温须在 34.0 至 42.5 °C 之间（疑似误测）"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/checks"))
                .addProperty("code", new StringSchema().description("Stable machine code to branch on (docs/API.md), e.g. "
                        + "VALIDATION_FAILED, MALFORMED_JSON, DUPLICATE_KEY, JSON_TOO_COMPLEX, PAYLOAD_TOO_LARGE, UNAUTHENTICATED, "
                        + "NOT_PERMITTED, NOT_FOUND, CLIENT_ID_TAKEN, RATE_LIMITED, SERVICE_UNAVAILABLE").example("VALIDATION_FAILED"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("Only for VALIDATION_FAILED: one entry per refused field"))
                .required(List.of("type", "title", "status", "detail", "code"));
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema().description("One refused field of a request body")
                .addProperty("field", new StringSchema().description("JSON path").example("evidence.temperature.celsius"))
                .addProperty("code", new StringSchema().description("NOT_NULL, SIZE, PATTERN, DECIMAL_MIN, DECIMAL_MAX, "
                        + "WRONG_TYPE, UNKNOWN_VALUE, OUT_OF_RANGE, ...").example("DECIMAL_MIN"))
                .addProperty("message", new StringSchema().description("The reason, in the Accept-Language language"))
                .required(List.of("field", "code", "message"));
    }
}
