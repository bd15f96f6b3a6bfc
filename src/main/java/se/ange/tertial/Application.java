package se.ange.tertial;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Tertial", version = "0.1",
        description = "Goal follow-up for Ånge kommun: activity register, status reports, deviations"))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
