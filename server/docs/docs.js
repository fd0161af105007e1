// Starts Swagger UI on the document named by the page (data-url): a file of its own, since the
// app's CSP allows no inline script. Served at /api/docs/assets/docs.js by server/docs/routes.ts.
/* global SwaggerUIBundle */
const root = document.getElementById('swagger-ui');
SwaggerUIBundle({
  url: root.dataset.url,
  domNode: root,
  deepLinking: true,
  // The page works offline: no validator badge (it calls an outside service).
  validatorUrl: null,
  persistAuthorization: false,
});
