import type { TObject, TSchema } from '@sinclair/typebox';
import { ERROR_CODES, ErrorBody, type ErrorCode } from '../../contract/error-codes';
import type { Operation } from './operation';
import { adminOperations } from './operations/admin';
import { administrationOperations } from './operations/administration';
import { healthOperations } from './operations/health';
import { oidcOperations } from './operations/oidc';
import { alertOperations } from './operations/alerts';
import { auditOperations } from './operations/audit';
import { authOperations } from './operations/auth';
import { besluitOperations } from './operations/besluiten';
import { caseDecisionOperations } from './operations/case-decisions';
import { caseOperations } from './operations/cases';
import { cohortProgressOperations, householdImportOperations } from './operations/household-imports';
import { ruleSetSimulationOperations } from './operations/ruleset-simulation';
import { codecOperations } from './operations/codec';
import { inburgeringWaitingOperations } from './operations/inburgering-waiting';
import { monitorOperations } from './operations/monitor';
import { municipalityProfileOperations } from './operations/municipality-profile';
import { notificatieOperations } from './operations/notificaties';
import { webhookOperations } from './operations/webhooks';
import { zgwOperations } from './operations/zgw';
import { decisionOperations } from './operations/decisions';
import { definitionOperations, ruleSetOperations } from './operations/artifacts';

/** Every endpoint under /api/v1, in the order the reference shows them. */
export const OPERATIONS: readonly Operation[] = [
  ...caseOperations,
  ...householdImportOperations,
  ...caseDecisionOperations,
  ...decisionOperations,
  ...ruleSetOperations,
  ...ruleSetSimulationOperations,
  ...definitionOperations,
  ...authOperations,
  ...oidcOperations,
  ...adminOperations,
  ...administrationOperations,
  ...auditOperations,
  ...codecOperations,
  ...webhookOperations,
  ...alertOperations,
  ...notificatieOperations,
  ...zgwOperations,
  ...monitorOperations,
  ...cohortProgressOperations,
  ...inburgeringWaitingOperations,
  ...besluitOperations,
  ...municipalityProfileOperations,
  ...healthOperations,
];

// JSON round trip: drops TypeBox's symbol keys and gives the document its own copy.
const plain = (schema: TSchema): Record<string, unknown> =>
  JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;

function parameters(schema: TSchema | undefined, location: 'path' | 'query' | 'header'): object[] {
  if (!schema) return [];
  const obj = schema as TObject;
  const required = new Set(obj.required ?? []);
  return Object.entries(obj.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = plain(s);
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function errorResponses(codes: readonly ErrorCode[]): Record<string, object> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set<ErrorCode>([...codes, 'INTERNAL'])) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, object> = {};
  for (const [status, list] of byStatus) {
    out[String(status)] = {
      description: list.map((c) => `\`${c}\`: ${ERROR_CODES[c].description}`).join('\n\n'),
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/Error' },
          examples: Object.fromEntries(
            list.map((c) => [c, { value: { error: { code: c, message: ERROR_CODES[c].description, path: '/body' } } }]),
          ),
        },
      },
    };
  }
  return out;
}

const SECURITY = { public: [], any: [{ apiKey: [] }, { session: [] }], session: [{ session: [] }] } as const;

function operationObject(op: Operation): object {
  const responses: Record<string, object> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: plain(r.schema) } } } : {}),
      ...(r.links ? { links: r.links } : {}),
    };
  }
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description:
      [op.description, op.requires ? `Requires: **${op.requires}**.` : undefined].filter(Boolean).join('\n\n') ||
      undefined,
    security: SECURITY[op.access],
    parameters: [
      ...parameters(op.params, 'path'),
      ...parameters(op.query, 'query'),
      ...parameters(op.headers, 'header'),
    ],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { [op.bodyContentType ?? 'application/json']: { schema: plain(op.body) } },
          },
        }
      : {}),
    // Every endpoint with a body can meet the body parser's own refusals.
    responses: {
      ...responses,
      ...errorResponses(
        op.body
          ? [...op.errors, ...(op.bodyContentType ? [] : (['MALFORMED_JSON'] as const)), 'BODY_TOO_LARGE']
          : op.errors,
      ),
    },
  };
}

/** The OpenAPI 3.1 document, built from the contract: the schemas the routes validate with and the error-code table. */
export function buildOpenApiDocument(version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Doorstroom API',
      version,
      summary: "Workflows and priority rules for municipalities' asylum chain",
      description:
        "Start cases of published processes, send them the events they expect, read their state, and ask the municipality's rule sets for advice. " +
        'Authenticate municipal systems with `Authorization: Bearer <api key>` (an administrator creates keys); browsers use a session cookie plus `X-CSRF-Token`. ' +
        'Every error is JSON `{ "error": { "code", "message", "path" } }` with a stable code. Never put a BSN or name in ids or references.',
    },
    servers: [{ url: '/api/v1' }],
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    // /healthz, /readyz and /metrics are also served at the root, for load balancers and orchestrators.
    paths,
    components: {
      schemas: { Error: plain(ErrorBody) },
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key of your municipality, created by an administrator (POST /api-keys), with permissions such as cases:start.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'doorstroom_session',
          description:
            'Browser session from POST /auth/login; state-changing requests also need the X-CSRF-Token header.',
        },
      },
    },
  };
}
