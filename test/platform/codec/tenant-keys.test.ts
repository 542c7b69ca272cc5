import { hkdfSync, randomBytes } from 'node:crypto';
import { keyRing, parseKeyList } from '../../../platform/codec/codec-keys';
import { parseKeyId, TenantKeys, tenantOfWorkflowId } from '../../../platform/codec/tenant-keys';

const ring = (...ids: string[]) => keyRing(ids.map((id) => ({ id, key: randomBytes(32) })));

describe('TenantKeys: a key per municipality, derived from the key ring', () => {
  it('derives HKDF-SHA256(ring key, info "doorstroom-payload:<tenant>") under the key id <tenant>.<ring id>', () => {
    const keys = ring('k2026');
    const { id, key } = new TenantKeys(keys).encryptionKey('GM0363');
    expect(id).toBe('GM0363.k2026');
    const expected = Buffer.from(hkdfSync('sha256', keys.active.key, Buffer.alloc(0), 'doorstroom-payload:GM0363', 32));
    expect(key.equals(expected)).toBe(true);
  });

  it("gives every municipality its own key, none equal to the ring key or to another's", () => {
    const t = new TenantKeys(ring('k'));
    const a = t.encryptionKey('GM0363').key;
    const b = t.encryptionKey('GM0344').key;
    expect(a.equals(b)).toBe(false);
    expect(a.equals(t.decryptionKey('k')!)).toBe(false);
    expect(t.decryptionKey('GM0363.k')!.equals(a)).toBe(true);
  });

  it('finds the key of an older ring key after rotation, and none once that ring key is removed', () => {
    const old = ring('k2025');
    const rotated = keyRing([{ id: 'k2026', key: randomBytes(32) }, old.active]);
    const before = new TenantKeys(old).encryptionKey('GM0363');
    const t = new TenantKeys(rotated);
    expect(t.encryptionKey('GM0363').id).toBe('GM0363.k2026');
    expect(t.decryptionKey(before.id)!.equals(before.key)).toBe(true);
    expect(new TenantKeys(ring('k2026')).decryptionKey(before.id)).toBeUndefined();
  });

  it('reads key ids of both formats and refuses ring key ids that look like derived ones', () => {
    expect(parseKeyId('GM0363.k1')).toEqual({ tenant: 'GM0363', ringId: 'k1' });
    expect(parseKeyId('k20261101')).toEqual({ ringId: 'k20261101' });
    expect(parseKeyId('GM363.k1')).toEqual({ ringId: 'GM363.k1' });
    const b64 = randomBytes(32).toString('base64');
    expect(() => parseKeyList(`GM0344.x:${b64}`, 'test')).toThrow(/reserved/);
  });

  it.each([
    ['GM0363-nareiziger-hotelverblijf-0123456789abcdef01234567', 'GM0363'],
    ['deadline-digest-GM0344', 'GM0344'],
    ['deadline-digest-GM0344-manual-3f1c', 'GM0344'],
    ['deadline-digest-GM0344-2026-11-29T06:00:00Z', 'GM0344'],
    ['webhook-GM0363-3f1c-9a2b-evt_01', 'GM0363'],
    ['webhook-3f1c-9a2b', undefined],
    ['zgw-sync-GM0363-nareiziger-hotelverblijf-0123456789abcdef01234567', 'GM0363'],
    ['x-GM0363-y', undefined],
    [undefined, undefined],
  ])('takes the municipality of workflow id %s from where the server puts it: %s', (id, tenant) => {
    expect(tenantOfWorkflowId(id)).toBe(tenant);
  });
});
