import { hkdfSync } from 'node:crypto';
import type { CodecKey, CodecKeyRing } from './codec-keys';

/** A municipality's code (CBS gemeentecode): the tenant id everywhere in Doorstroom. */
const TENANT = /^GM\d{4}$/;
/** `GM0363.k20261101`: the municipality and the ring key its key is derived from. */
const TENANT_KEY_ID = /^(GM\d{4})\.([A-Za-z0-9._-]{1,64})$/;
/**
 * Workflow ids that name their municipality, set by the server from the caller's credential:
 * cases and their children (`GM0363-<process>-<hash>`, services/cases/case-id.ts), the deadline
 * digest (`deadline-digest-GM0363[-…]`, workflows/digest-input.ts) and webhook deliveries
 * (`webhook-GM0363-<subscription>-<event>`, workflows/webhook-delivery-input.ts; older ones,
 * `webhook-<subscription uuid>-…`, name none and keep the ring key for what names no municipality),
 * and the ZGW write-back of a case (`zgw-sync-<case id>`, workflows/zgw-sync-input.ts).
 */
const TENANT_WORKFLOW_IDS = [
  /^(GM\d{4})-/,
  /^deadline-digest-(GM\d{4})(?:-|$)/,
  /^webhook-(GM\d{4})-/,
  /^zgw-sync-(GM\d{4})-/,
];
/** Derived keys kept in memory; key ids reach decode from the codec endpoint, so the cache is bounded. */
const MAX_CACHED = 4096;

/** A CBS municipality code; typed as `GM…` so that "not a code" leaves a string a string (not never). */
export const isTenantCode = (value: unknown): value is `GM${string}` => typeof value === 'string' && TENANT.test(value);

export function tenantOfWorkflowId(workflowId: string | undefined): string | undefined {
  if (!workflowId) return undefined;
  for (const pattern of TENANT_WORKFLOW_IDS) {
    const match = pattern.exec(workflowId);
    if (match) return match[1];
  }
  return undefined;
}

/** A key id as the codec writes it: a ring key id (before keys per municipality) or `<tenant>.<ring id>`. */
export function parseKeyId(keyId: string): { tenant?: string; ringId: string } {
  const match = TENANT_KEY_ID.exec(keyId);
  return match ? { tenant: match[1], ringId: match[2]! } : { ringId: keyId };
}

/**
 * One AES-256 key per municipality and ring key: HKDF-SHA256 (RFC 5869) of the ring key with the
 * municipality in `info`. Nothing per municipality is stored: a new ring key (rotation) gives
 * every municipality a new key at once, and knowing one municipality's key tells nothing about
 * another's (HKDF outputs for different `info` are independent).
 */
export class TenantKeys {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly ring: CodecKeyRing) {}

  /** The key new payloads of `tenant` are encrypted with (the ring's first key, derived). */
  encryptionKey(tenant: string): CodecKey {
    const id = `${tenant}.${this.ring.active.id}`;
    return { id, key: this.derived(id, tenant, this.ring.active.key) };
  }

  /** The key a payload's key id names, or undefined when its ring key is not (any more) in the ring. */
  decryptionKey(keyId: string): Buffer | undefined {
    const { tenant, ringId } = parseKeyId(keyId);
    const ringKey = this.ring.byId.get(ringId);
    if (!ringKey) return undefined;
    return tenant ? this.derived(keyId, tenant, ringKey) : ringKey;
  }

  private derived(id: string, tenant: string, ringKey: Buffer): Buffer {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const key = Buffer.from(hkdfSync('sha256', ringKey, Buffer.alloc(0), `doorstroom-payload:${tenant}`, 32));
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(id, key);
    return key;
  }
}
