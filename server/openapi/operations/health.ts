import { HealthResponse, MetricsText, OpenApiDocument, ReadinessResponse } from '../../../contract/health';
import type { Operation } from '../operation';

const T = 'Beheer (operations)';

/** Health, readiness and metrics for the platform that runs Doorstroom, and this document itself. */
export const healthOperations: Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    tag: T,
    access: 'public',
    summary: 'The process answers (liveness); also at /healthz',
    responses: { 200: { description: 'Alive', schema: HealthResponse } },
    errors: [],
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'readiness',
    tag: T,
    access: 'public',
    summary: 'The store and Temporal answer within 3 s (readiness); also at /readyz',
    responses: {
      200: { description: 'Ready', schema: ReadinessResponse },
      503: { description: 'Not ready: the failing checks with their reason', schema: ReadinessResponse },
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    tag: T,
    access: 'public',
    summary: 'Prometheus metrics (requests, cases, webhook failures); also at /metrics',
    description:
      "With METRICS_TOKEN set, only for `Authorization: Bearer <METRICS_TOKEN>` (a scrape config's `authorization`); otherwise 401 METRICS_UNAUTHORIZED. Without it the metrics are open, and `npm start` says so.",
    responses: { 200: { description: 'Prometheus text format', schema: MetricsText, contentType: 'text/plain' } },
    errors: ['METRICS_UNAUTHORIZED'],
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'openApiDocument',
    tag: T,
    access: 'public',
    summary: 'This OpenAPI 3.1 document (a reference page at /api/docs)',
    responses: { 200: { description: 'The document', schema: OpenApiDocument } },
    errors: [],
  },
];
