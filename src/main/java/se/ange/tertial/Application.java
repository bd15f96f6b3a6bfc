package se.ange.tertial;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(info = @Info(title = "Tertial", version = "0.1",
        description = "Goal follow-up for Ånge kommun: activity register, status reports, deviations"),
        security = @SecurityRequirement(name = "bearer"))
// an API token or an OIDC JWT; lets Swagger UI's "Authorize" send it with "Try it out"
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
