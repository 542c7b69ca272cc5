import { Router, type RequestHandler } from 'express';
import { Type } from '@sinclair/typebox';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { authenticate, getAuth, requireRole, type AuthDeps } from '../auth';
import { tenantsOfPayload } from '../../platform/codec/payload-tenant';
import { ApiError } from '../../platform/errors';
import { check } from './validate';

const B64 = Type.String({ maxLength: 2_000_000, pattern: '^[A-Za-z0-9+/=]*$' });
export const CodecBody = Type.Object(
  {
    payloads: Type.Array(
      Type.Object({ metadata: Type.Optional(Type.Record(Type.String(), B64)), data: Type.Optional(B64) }),
      { maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);

type JsonPayload = { metadata?: Record<string, string>; data?: string };
const toPayload = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

/**
 * The remote codec endpoint of the Temporal UI protocol (POST /codec/decode, /codec/encode), so
 * the Temporal UI can show case data — to signed-in supervisors and admins of a municipality only,
 * from the configured UI origin only.
 */
export function createCodecRouter(deps: { auth: AuthDeps; codec: PayloadCodec; uiOrigins?: string[] }): Router {
  const router = Router();
  const cors: RequestHandler = (req, res, next) => {
    const origin = req.get('origin');
    if (origin && deps.uiOrigins?.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, x-namespace');
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
  const guard = [cors, authenticate(deps.auth, { noSideEffects: true }), requireRole('supervisor', 'admin')];
  for (const op of ['decode', 'encode'] as const) {
    router.options(`/codec/${op}`, cors);
    router.post(`/codec/${op}`, ...guard, async (req, res) => {
      const body = check(CodecBody, 'body', req.body);
      const tenant = getAuth(req).tenant;
      const out = await deps.codec[op](body.payloads.map(toPayload));
      // One key ring still serves all municipalities: what a payload names decides who may read it.
      out.forEach((p, i) => {
        if ([...tenantsOfPayload(p)].some((t) => t !== tenant)) {
          throw new ApiError(
            404,
            'NOT_FOUND',
            'Deze gegevens horen niet bij uw gemeente (payload not found in your municipality).',
            `/body/payloads/${i}`,
          );
        }
      });
      res.json({ payloads: out.map(toJson) });
    });
  }
  return router;
}
