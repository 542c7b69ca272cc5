import { Router, type RequestHandler } from 'express';
import type { Payload } from '@temporalio/common';
import { authenticate, getAuth, requireRole, type AuthDeps } from '../auth';
import { CodecError, type TenantScopedCodec } from '../../platform/codec/encryption-codec';
import { tenantsOfPayload } from '../../platform/codec/payload-tenant';
import { ApiError } from '../../platform/errors';
import { check } from './validate';
import { CodecBody } from '../../contract/codec';

const otherMunicipality = (i: number) =>
  new ApiError(
    403,
    'PAYLOAD_OTHER_MUNICIPALITY',
    'Deze gegevens horen bij een andere gemeente (this payload belongs to another municipality).',
    `/body/payloads/${i}`,
  );

/** The codec's own words stay in the server: they name key ids and crypto errors. */
const codecRefusal = (err: CodecError, i: number) =>
  err.code === 'PAYLOAD_OTHER_MUNICIPALITY'
    ? otherMunicipality(i)
    : new ApiError(
        422,
        'PAYLOAD_DECRYPT_FAILED',
        'Deze gegevens zijn niet te ontsleutelen: onbekende sleutel of gewijzigd (the payload cannot be decrypted: unknown key, or altered).',
        `/body/payloads/${i}`,
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
export function createCodecRouter(deps: { auth: AuthDeps; codec: TenantScopedCodec; uiOrigins?: string[] }): Router {
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
      // The caller's municipality's key only: another municipality's payload is refused unread.
      const codec = deps.codec.forTenant(tenant);
      const out: Payload[] = [];
      for (const [i, payload] of body.payloads.entries()) {
        const [result] = await codec[op]([toPayload(payload)]).catch((err: unknown) => {
          throw err instanceof CodecError ? codecRefusal(err, i) : err;
        });
        // Payloads from before keys per municipality are under a shared ring key: what they name decides.
        if ([...tenantsOfPayload(result!)].some((t) => t !== tenant)) throw otherMunicipality(i);
        out.push(result!);
      }
      res.json({ payloads: out.map(toJson) } satisfies CodecBody);
    });
  }
  return router;
}
