package com.estateguard.common.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI estateGuardApi() {
        return new OpenAPI()
                .info(new Info().title("EstateGuard API").version("v1")
                        .description("Smart terminals (ACC-07) record checkpoint checks. Authenticate with the API key an "
                                + "estate administrator issues (header X-Api-Key). Errors are application/problem+json."))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")));
    }
}
