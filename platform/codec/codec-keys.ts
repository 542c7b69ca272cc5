import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CodecKey {
  id: string;
  key: Buffer;
}

/**
 * The key ring: the first key encrypts (each municipality's payloads under a key derived from it,
 * tenant-keys.ts); every key decrypts, so rotation keeps old histories readable.
 */
export interface CodecKeyRing {
  active: CodecKey;
  byId: ReadonlyMap<string, Buffer>;
}

export class CodecKeyError extends Error {
  readonly code = 'CODEC_KEYS_INVALID';
}

/** Parses `id:base64key,id2:base64key2`; every key must be 32 bytes (AES-256). */
export function parseKeyList(text: string, source: string): CodecKey[] {
  const keys = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, b64] = entry.split(':');
      if (!id || !b64 || !/^[A-Za-z0-9._-]{1,64}$/.test(id))
        throw new CodecKeyError(`${source}: "${entry.slice(0, 12)}…" is not "keyId:base64key"`);
      // `GM0363.<ring id>` names a municipality's derived key (tenant-keys.ts): a ring key may not look like one.
      if (/^GM\d{4}\./.test(id))
        throw new CodecKeyError(`${source}: key id "${id}" is reserved (GM….<id> names a derived key)`);
      const key = Buffer.from(b64, 'base64');
      if (key.length !== 32) throw new CodecKeyError(`${source}: key "${id}" is ${key.length} bytes; AES-256 needs 32`);
      return { id, key };
    });
  if (keys.length === 0) throw new CodecKeyError(`${source}: no keys`);
  return keys;
}

export function keyRing(keys: CodecKey[]): CodecKeyRing {
  return { active: keys[0] as CodecKey, byId: new Map(keys.map((k) => [k.id, k.key])) };
}

/**
 * Keys from DOORSTROOM_CODEC_KEYS, else the file DOORSTROOM_CODEC_KEYS_FILE, else data/codec-keys
 * (made on first start of the embedded default, readable by this user only).
 */
export function loadCodecKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): CodecKeyRing {
  if (env.DOORSTROOM_CODEC_KEYS) return keyRing(parseKeyList(env.DOORSTROOM_CODEC_KEYS, 'DOORSTROOM_CODEC_KEYS'));
  const file = env.DOORSTROOM_CODEC_KEYS_FILE ?? path.join(dataDir, 'codec-keys');
  if (!existsSync(file)) {
    if (env.DOORSTROOM_CODEC_KEYS_FILE) throw new CodecKeyError(`DOORSTROOM_CODEC_KEYS_FILE=${file} does not exist`);
    mkdirSync(path.dirname(file), { recursive: true });
    const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
    writeFileSync(file, `${id}:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return keyRing(parseKeyList(readFileSync(file, 'utf8'), file));
}
