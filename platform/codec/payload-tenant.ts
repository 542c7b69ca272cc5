import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { KEY_ID_METADATA } from './encryption-codec';

const TENANT = /^GM\d{4}$/;
const PREFIXED = /^(GM\d{4})-/;
/** Walk limit: a payload is at most a case input with its definition snapshot. */
const MAX_NODES = 20_000;

/**
 * The municipalities a payload names: a key id of the form `GM0363.<id>` (per-municipality keys),
 * and in a decoded JSON payload the fields `tenant`/`tenantId` and case or workflow ids, which
 * begin with the municipality's code. Used by the codec endpoint so a supervisor decodes only
 * their own municipality's payloads.
 */
export function tenantsOfPayload(payload: Payload): Set<string> {
  const found = new Set<string>();
  const keyId = Buffer.from(payload.metadata?.[KEY_ID_METADATA] ?? []).toString();
  const fromKey = /^(GM\d{4})\./.exec(keyId);
  if (fromKey) found.add(fromKey[1]!);
  if (Buffer.from(payload.metadata?.[METADATA_ENCODING_KEY] ?? []).toString() !== 'json/plain') return found;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload.data ?? []).toString('utf8'));
  } catch {
    return found;
  }
  const stack: unknown[] = [value];
  for (let seen = 0; stack.length && seen < MAX_NODES; seen++) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...(node as unknown[]));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string') {
          if ((k === 'tenant' || k === 'tenantId') && TENANT.test(v)) found.add(v);
          const prefixed = k === 'caseId' || k === 'workflowId' ? PREFIXED.exec(v) : null;
          if (prefixed) found.add(prefixed[1]!);
        } else if (v && typeof v === 'object') stack.push(v);
      }
    }
  }
  return found;
}
