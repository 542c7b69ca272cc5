import { readFileSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../../platform/config';
import {
  checkTemporalTls,
  readTemporalTls,
  temporalTlsSettingsFromEnv,
  TemporalTlsError,
} from '../../../platform/temporal/temporal-tls';
import { freePort } from '../../../platform/temporal/free-port';
import { createTestPki, type TestPki } from '../../support/test-certificates';

const ADDRESS = { TEMPORAL_ADDRESS: 'temporal-frontend:7233' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as TemporalTlsError).code;
  }
  return undefined;
}

describe('TLS settings towards Temporal', () => {
  it('are off without any TLS variable, on with TEMPORAL_TLS, a file, a server name or an API key', () => {
    expect(temporalTlsSettingsFromEnv({ ...ADDRESS }).enabled).toBe(false);
    expect(temporalTlsSettingsFromEnv({ ...ADDRESS, TEMPORAL_TLS: 'true' }).enabled).toBe(true);
    expect(temporalTlsSettingsFromEnv({ ...ADDRESS, TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/ca.pem' })).toEqual({
      enabled: true,
      caFile: '/ca.pem',
      certFile: undefined,
      keyFile: undefined,
      serverName: undefined,
    });
    expect(temporalTlsSettingsFromEnv({ ...ADDRESS, TEMPORAL_TLS_SERVER_NAME: 'temporal' }).enabled).toBe(true);
    expect(temporalTlsSettingsFromEnv({ ...ADDRESS, TEMPORAL_API_KEY: 'k' }).enabled).toBe(true);
    expect(loadConfig({ ...ADDRESS, TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/ca.pem' }).temporal.tls.caFile).toBe('/ca.pem');
  });

  it('refuse what cannot work, coded, in Dutch and English, when the configuration is loaded', () => {
    const cases: Array<[NodeJS.ProcessEnv, RegExp]> = [
      [{ ...ADDRESS, TEMPORAL_TLS_CLIENT_CERT_PATH: '/c.pem' }, /horen samen.*go together/],
      [{ ...ADDRESS, TEMPORAL_TLS_CLIENT_KEY_PATH: '/c.key' }, /horen samen.*go together/],
      [{ ...ADDRESS, TEMPORAL_TLS: 'false', TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/ca.pem' }, /TEMPORAL_TLS=false naast/],
      [{ ...ADDRESS, TEMPORAL_TLS: 'yes' }, /TEMPORAL_TLS=yes is geen true of false/],
      [{ TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/ca.pem' }, /vraagt TEMPORAL_ADDRESS.*needs TEMPORAL_ADDRESS/],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env)).toThrow(message);
      expect(codeOf(() => loadConfig(env))).toBe('TEMPORAL_TLS_CONFIG_INVALID');
    }
  });
});

describe('reading the certificate files (once, at start)', () => {
  let pki: TestPki;
  let other: TestPki;
  beforeAll(() => {
    pki = createTestPki();
    other = createTestPki('Other');
  });
  afterAll(() => {
    pki.remove();
    other.remove();
  });
  const mtls = () => ({
    enabled: true,
    caFile: pki.caFile,
    certFile: pki.clientCertFile,
    keyFile: pki.clientKeyFile,
  });

  it("gives the SDK the CA, the client's certificate and key, and the server name", () => {
    const tls = readTemporalTls({ ...mtls(), serverName: 'temporal-frontend' });
    expect(Buffer.from(tls!.serverRootCACertificate!).equals(readFileSync(pki.caFile))).toBe(true);
    expect(Buffer.from(tls!.clientCertPair!.crt).equals(readFileSync(pki.clientCertFile))).toBe(true);
    expect(Buffer.from(tls!.clientCertPair!.key).equals(readFileSync(pki.clientKeyFile))).toBe(true);
    expect(tls!.serverNameOverride).toBe('temporal-frontend');
    expect(readTemporalTls({ enabled: true })).toEqual({});
    expect(readTemporalTls({ enabled: false, caFile: pki.caFile })).toBeUndefined();
  });

  it('refuses a missing file, a file without PEM, a key of another certificate and an expired certificate', () => {
    const notPem = path.join(pki.dir, 'not-pem.txt');
    writeFileSync(notPem, 'hello');
    const cases: Array<[Parameters<typeof readTemporalTls>, RegExp]> = [
      [
        [{ ...mtls(), caFile: '/nonexistent/ca.pem' }],
        /TEMPORAL_TLS_SERVER_CA_CERT_PATH=\/nonexistent\/ca.pem bestaat niet/,
      ],
      [[{ ...mtls(), certFile: notPem }], /TEMPORAL_TLS_CLIENT_CERT_PATH=.* bevat geen PEM-certificaat/],
      [[{ ...mtls(), keyFile: notPem }], /TEMPORAL_TLS_CLIENT_KEY_PATH=.* bevat geen leesbare/],
      [[{ ...mtls(), keyFile: other.clientKeyFile }], /hoort niet bij het certificaat.*is not the key/],
      [[mtls(), new Date(Date.now() + 10 * 86_400_000)], /is verlopen op .*expired on/],
    ];
    for (const [args, message] of cases) {
      expect(() => readTemporalTls(...args)).toThrow(message);
      expect(codeOf(() => readTemporalTls(...args))).toBe('TEMPORAL_TLS_CONFIG_INVALID');
    }
  });
});

describe('the TLS handshake check against a server that demands client certificates', () => {
  let pki: TestPki;
  let other: TestPki;
  let server: http2.Http2SecureServer;
  let address: string;
  beforeAll(async () => {
    pki = createTestPki();
    other = createTestPki('Other');
    // An HTTP/2 server over TLS as Temporal's frontend is: its own certificate, client certificates of its CA required.
    server = http2.createSecureServer({
      cert: readFileSync(pki.serverCertFile),
      key: readFileSync(pki.serverKeyFile),
      ca: readFileSync(pki.caFile),
      requestCert: true,
      rejectUnauthorized: true,
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    pki.remove();
    other.remove();
  });
  const tlsOf = (ca: TestPki, client?: TestPki, serverName?: string) =>
    readTemporalTls({
      enabled: true,
      caFile: ca.caFile,
      certFile: client?.clientCertFile,
      keyFile: client?.clientKeyFile,
      serverName,
    })!;

  it('passes with a client certificate of the server CA (by IP, and by the name in the certificate)', async () => {
    await expect(checkTemporalTls(address, tlsOf(pki, pki))).resolves.toEqual({ ok: true });
    await expect(checkTemporalTls(address, tlsOf(pki, pki, 'temporal-frontend'))).resolves.toEqual({ ok: true });
  });

  it('rejects with TEMPORAL_TLS_REFUSED, within the deadline, when either side refuses the other', async () => {
    const refusals: Array<[string, ReturnType<typeof tlsOf>]> = [
      ['no client certificate', tlsOf(pki)],
      ['a client certificate of another CA', tlsOf(pki, other)],
      ["a server certificate this client's CA did not sign", tlsOf(other, other)],
      ['a server name the certificate does not hold', tlsOf(pki, pki, 'temporal.elders.nl')],
    ];
    for (const [why, tls] of refusals) {
      const started = Date.now();
      const err = await checkTemporalTls(address, tls).then(
        () => new Error(`passed with ${why}`),
        (e: Error) => e,
      );
      expect([why, (err as TemporalTlsError).code]).toEqual([why, 'TEMPORAL_TLS_REFUSED']);
      expect(err.message).toMatch(/de TLS-verbinding met Temporal .* is geweigerd/);
      expect(Date.now() - started).toBeLessThan(3_000);
    }
  });

  it('calls a closed port unreachable (for the SDK to report), not a TLS refusal', async () => {
    const port = await freePort();
    await expect(checkTemporalTls(`127.0.0.1:${port}`, tlsOf(pki, pki))).resolves.toMatchObject({
      ok: false,
      unreachable: true,
    });
  });
});
