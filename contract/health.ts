import { Type, type Static } from '@sinclair/typebox';

/** GET /healthz: the process answers. */
export const HealthResponse = Type.Object({ status: Type.Literal('ok') });
export type HealthResponse = Static<typeof HealthResponse>;

/** GET /readyz: each dependency (store, Temporal) answered within 3 s, or why not. */
export const ReadinessResponse = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not-ready')]),
  checks: Type.Array(
    Type.Object({
      name: Type.String(),
      ok: Type.Boolean(),
      ms: Type.Number(),
      error: Type.Optional(Type.String()),
    }),
  ),
});
export type ReadinessResponse = Static<typeof ReadinessResponse>;

/** GET /metrics: Prometheus text exposition format. */
export const MetricsText = Type.String({ contentMediaType: 'text/plain' });

/** GET /openapi.json: this API's own OpenAPI 3.1 document. */
export const OpenApiDocument = Type.Object(
  { openapi: Type.String(), info: Type.Object({}), paths: Type.Object({}) },
  { additionalProperties: true },
);
