package se.ange.tertial.web.signin;

/**
 * Present when an OpenID Connect provider is configured: the sign-in page then offers it first.
 *
 * @param path where the sign-in with the provider starts (Micronaut Security's {@code /oauth/login/{name}})
 */
public record OidcSignInOption(String path) {
}
