// Shows the OpenAPI document that micronaut-openapi generates at build time (served under /swagger/).
// No validator badge: it would send the document to validator.swagger.io.
window.ui = SwaggerUIBundle({
  url: "/swagger/tertial-0.1.yml",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
});
