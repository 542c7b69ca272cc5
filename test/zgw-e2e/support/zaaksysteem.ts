import { createHash, createHmac } from 'node:crypto';

/**
 * The other side, as a zaaksysteem (or a case handler in Open Zaak's admin) would act on Open Zaak:
 * plain HTTP with the standard's JWT (HS256 over the client's secret), independent of Doorstroom's
 * own ZGW client.
 */
export interface Zaaksysteem {
  post(url: string, body: unknown): Promise<Record<string, any>>;
  get(url: string): Promise<Record<string, any>>;
  /** The bytes of a document's `inhoud` (its download URL). */
  download(url: string): Promise<Buffer>;
}

export function zaaksysteem(client: { id: string; secret: string }): Zaaksysteem {
  // HS256 by hand (jose is ESM only, which jest's CommonJS cannot load).
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const token = () => {
    const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
      iss: client.id,
      iat: Math.floor(Date.now() / 1000),
      client_id: client.id,
      user_id: 'zaaksysteem-test',
      user_representation: 'Zaaksysteem (test)',
    })}`;
    return Promise.resolve(`${body}.${createHmac('sha256', client.secret).update(body).digest('base64url')}`);
  };
  const headers = async () => ({
    Authorization: `Bearer ${await token()}`,
    'Content-Type': 'application/json',
    'Accept-Crs': 'EPSG:4326',
    'Content-Crs': 'EPSG:4326',
  });
  const json = async (res: Response, what: string) => {
    const text = await res.text();
    if (!res.ok) throw new Error(`${what}: ${res.status} ${text.slice(0, 1500)}`);
    return JSON.parse(text) as Record<string, any>;
  };
  return {
    async post(url, body) {
      return json(
        await fetch(url, { method: 'POST', headers: await headers(), body: JSON.stringify(body) }),
        `POST ${url}`,
      );
    },
    async get(url) {
      return json(await fetch(url, { headers: await headers() }), `GET ${url}`);
    },
    async download(url) {
      const res = await fetch(url, { headers: await headers() });
      if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    },
  };
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
