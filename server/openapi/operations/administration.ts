import { ReasonBody } from '../../../contract/common';
import {
  CbsMunicipalityList,
  MunicipalityParams,
  MunicipalityStateList,
  MunicipalityStateSchema,
  SessionList,
  SessionParams,
  WebhookTestParams,
  WebhookTestResult,
} from '../../../contract/identity-provider';
import type { ErrorCode } from '../../../contract/error-codes';
import type { Operation } from '../operation';

const T = 'Beheer (administration)';
const base: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN'];
const write: ErrorCode[] = [...base, 'CSRF_FAILED', 'VALIDATION_FAILED'];

const municipalitySwitch = (action: 'disable' | 'enable'): Operation => ({
  method: 'post',
  path: `/admin/municipalities/{tenantId}/${action}`,
  operationId: `${action}Municipality`,
  tag: T,
  access: 'session',
  requires: 'national-admin',
  summary:
    action === 'disable'
      ? 'Disable a municipality: its people and API keys are refused until it is enabled again (audited)'
      : 'Enable a disabled municipality again (audited)',
  params: MunicipalityParams,
  body: ReasonBody,
  responses: { 200: { description: 'The municipality with its state', schema: MunicipalityStateSchema } },
  errors: [...write, 'MALFORMED_JSON', 'NOT_FOUND', ...(action === 'disable' ? (['OWN_MUNICIPALITY'] as const) : [])],
});

/** The national administrator's municipalities, sessions, and a webhook's test delivery (server/routes/admin.ts). */
export const administrationOperations: Operation[] = [
  {
    method: 'get',
    path: '/admin/municipalities',
    operationId: 'listMunicipalityStates',
    tag: T,
    access: 'session',
    requires: 'national-admin',
    summary: 'Every municipality with whether it is disabled',
    responses: { 200: { description: 'Municipalities', schema: MunicipalityStateList } },
    errors: base,
  },
  {
    method: 'get',
    path: '/admin/cbs-municipalities',
    operationId: 'listCbsMunicipalities',
    tag: T,
    access: 'session',
    requires: 'national-admin',
    summary: "CBS's list of municipalities (code, name, province) to create one from, with which exist already",
    responses: { 200: { description: 'The CBS list of the year', schema: CbsMunicipalityList } },
    errors: base,
  },
  municipalitySwitch('disable'),
  municipalitySwitch('enable'),
  {
    method: 'get',
    path: '/sessions',
    operationId: 'listSessions',
    tag: T,
    access: 'session',
    summary: "Live sessions: an administrator sees the municipality's, anyone else their own",
    responses: { 200: { description: 'Sessions (no tokens: the id is a hash)', schema: SessionList } },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
  },
  {
    method: 'delete',
    path: '/sessions/{sessionId}',
    operationId: 'endSession',
    tag: T,
    access: 'session',
    summary: "End a session (an administrator any of the municipality's, anyone else their own); audited",
    params: SessionParams,
    responses: { 204: { description: 'Ended' } },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'VALIDATION_FAILED', 'NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/webhooks/subscriptions/{subscriptionId}/test',
    operationId: 'testWebhookSubscription',
    tag: 'Webhooks',
    access: 'session',
    requires: 'admin',
    summary: "Send one signed test event (`doorstroom.test`) to the subscription's URL, now; not in the delivery log",
    description:
      "Signed like every delivery (the subscription's secret, opened from its sealed form only to sign). The answer says what the receiver answered; a receiver that refuses is `ok: false`, not an error.",
    params: WebhookTestParams,
    responses: { 200: { description: "The receiver's answer", schema: WebhookTestResult } },
    errors: [...write, 'NOT_FOUND'],
  },
];
