import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { buildOpenApiDocument } from '../openapi/build-document';

/** The OpenAPI document at /api/v1/openapi.json and a readable reference at /api/docs. */
export function createDocsRouter(version: string): Router {
  const document = buildOpenApiDocument(version);
  const router = Router();
  router.get('/api/v1/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(
    '/api/docs',
    swaggerUi.serve,
    swaggerUi.setup(document, {
      customSiteTitle: 'Doorstroom API',
      swaggerOptions: { url: '/api/v1/openapi.json', defaultModelsExpandDepth: 0 },
    }),
  );
  return router;
}
