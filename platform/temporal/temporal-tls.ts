import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import tls from 'node:tls';
import type { TLSConfig } from '@temporalio/client';

/**
 * TLS towards Temporal, as the environment states it (docs/deployment.md, README), with the names
 * Temporal's own CLI and SDKs read (environment configuration): TEMPORAL_TLS,
 * TEMPORAL_TLS_SERVER_CA_CERT_PATH (the server's CA), TEMPORAL_TLS_CLIENT_CERT_PATH +
 * TEMPORAL_TLS_CLIENT_KEY_PATH (a client certificate: mTLS), TEMPORAL_TLS_SERVER_NAME (the name in
 * the server's certificate, when the address is another) and TEMPORAL_API_KEY (Temporal Cloud).
 * Only names and paths here: the files are read once, at start, by {@link readTemporalTls}.
 */
export interface TemporalTlsSettings {
  enabled: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  serverName?: string;
}

export type TemporalTlsErrorCode = 'TEMPORAL_TLS_CONFIG_INVALID' | 'TEMPORAL_TLS_REFUSED';

/** A TLS setting that cannot work, or a server that refused the handshake: Dutch first, English after. */
export class TemporalTlsError extends Error {
  constructor(
    readonly code: TemporalTlsErrorCode,
    dutch: string,
    english: string,
  ) {
    super(`${code}: ${dutch} (${english})`);
    this.name = 'TemporalTlsError';
  }
}

const invalid = (dutch: string, english: string) => new TemporalTlsError('TEMPORAL_TLS_CONFIG_INVALID', dutch, english);

function flag(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw invalid(`${name}=${raw} is geen true of false`, `${name}=${raw} is not true or false`);
}

/** The TLS settings from the environment; combinations that cannot work are refused here, before anything starts. */
export function temporalTlsSettingsFromEnv(env: NodeJS.ProcessEnv): TemporalTlsSettings {
  const explicit = flag('TEMPORAL_TLS', env.TEMPORAL_TLS);
  const settings = {
    caFile: env.TEMPORAL_TLS_SERVER_CA_CERT_PATH || undefined,
    certFile: env.TEMPORAL_TLS_CLIENT_CERT_PATH || undefined,
    keyFile: env.TEMPORAL_TLS_CLIENT_KEY_PATH || undefined,
    serverName: env.TEMPORAL_TLS_SERVER_NAME || undefined,
  };
  const named = Object.entries({
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: settings.caFile,
    TEMPORAL_TLS_CLIENT_CERT_PATH: settings.certFile,
    TEMPORAL_TLS_CLIENT_KEY_PATH: settings.keyFile,
    TEMPORAL_TLS_SERVER_NAME: settings.serverName,
    TEMPORAL_API_KEY: env.TEMPORAL_API_KEY || undefined,
  })
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (explicit === false && named.length > 0)
    throw invalid(
      `TEMPORAL_TLS=false naast ${named.join(', ')}: die vragen TLS`,
      `TEMPORAL_TLS=false beside ${named.join(', ')}, which need TLS`,
    );
  if (Boolean(settings.certFile) !== Boolean(settings.keyFile))
    throw invalid(
      'TEMPORAL_TLS_CLIENT_CERT_PATH en TEMPORAL_TLS_CLIENT_KEY_PATH horen samen: het clientcertificaat en zijn sleutel',
      'TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH go together: the client certificate and its key',
    );
  const enabled = explicit === true || named.length > 0;
  if (enabled && !env.TEMPORAL_ADDRESS)
    throw invalid(
      `${named[0] ?? 'TEMPORAL_TLS'} vraagt TEMPORAL_ADDRESS: de ingebouwde dev-server spreekt geen TLS`,
      `${named[0] ?? 'TEMPORAL_TLS'} needs TEMPORAL_ADDRESS: the embedded dev server speaks no TLS`,
    );
  return { enabled, ...settings };
}

function readSetting(name: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw invalid(
      `${name}=${file} bestaat niet of is niet leesbaar`,
      `${name}=${file} does not exist or cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
}

function certificates(name: string, file: string, pem: Buffer): X509Certificate[] {
  const blocks = pem.toString('utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0)
    throw invalid(
      `${name}=${file} bevat geen PEM-certificaat (-----BEGIN CERTIFICATE-----)`,
      `${name}=${file} holds no PEM certificate`,
    );
  return blocks.map((block) => {
    try {
      return new X509Certificate(block);
    } catch (err) {
      throw invalid(
        `${name}=${file} bevat een onleesbaar certificaat`,
        `${name}=${file} holds a certificate that cannot be parsed: ${(err as Error).message}`,
      );
    }
  });
}

function checkValidity(name: string, file: string, cert: X509Certificate, now: Date): void {
  if (new Date(cert.validTo) < now)
    throw invalid(`${name}=${file} is verlopen op ${cert.validTo}`, `${name}=${file} expired on ${cert.validTo}`);
  if (new Date(cert.validFrom) > now)
    throw invalid(
      `${name}=${file} is pas geldig vanaf ${cert.validFrom}`,
      `${name}=${file} is not valid before ${cert.validFrom}`,
    );
}

/**
 * The SDK's TLS options, from files read now, once (client, readiness probe and every worker
 * connection use these bytes). Refuses what cannot work with TEMPORAL_TLS_CONFIG_INVALID: a missing
 * or unreadable file, no PEM in it, a key that does not belong to the certificate, a certificate
 * that has expired or is not valid yet.
 */
export function readTemporalTls(settings: TemporalTlsSettings, now = new Date()): TLSConfig | undefined {
  if (!settings.enabled) return undefined;
  const config: TLSConfig = {};
  if (settings.serverName) config.serverNameOverride = settings.serverName;
  if (settings.caFile) {
    const pem = readSetting('TEMPORAL_TLS_SERVER_CA_CERT_PATH', settings.caFile);
    for (const ca of certificates('TEMPORAL_TLS_SERVER_CA_CERT_PATH', settings.caFile, pem))
      checkValidity('TEMPORAL_TLS_SERVER_CA_CERT_PATH', settings.caFile, ca, now);
    config.serverRootCACertificate = pem;
  }
  if (settings.certFile && settings.keyFile) {
    const crt = readSetting('TEMPORAL_TLS_CLIENT_CERT_PATH', settings.certFile);
    const key = readSetting('TEMPORAL_TLS_CLIENT_KEY_PATH', settings.keyFile);
    const [leaf] = certificates('TEMPORAL_TLS_CLIENT_CERT_PATH', settings.certFile, crt);
    checkValidity('TEMPORAL_TLS_CLIENT_CERT_PATH', settings.certFile, leaf!, now);
    let privateKey;
    try {
      privateKey = createPrivateKey(key);
    } catch (err) {
      throw invalid(
        `TEMPORAL_TLS_CLIENT_KEY_PATH=${settings.keyFile} bevat geen leesbare (onversleutelde) PEM-sleutel`,
        `TEMPORAL_TLS_CLIENT_KEY_PATH=${settings.keyFile} holds no readable (unencrypted) PEM key: ${(err as Error).message}`,
      );
    }
    if (!leaf!.checkPrivateKey(privateKey))
      throw invalid(
        `TEMPORAL_TLS_CLIENT_KEY_PATH=${settings.keyFile} hoort niet bij het certificaat in TEMPORAL_TLS_CLIENT_CERT_PATH`,
        `TEMPORAL_TLS_CLIENT_KEY_PATH=${settings.keyFile} is not the key of the certificate in TEMPORAL_TLS_CLIENT_CERT_PATH`,
      );
    config.clientCertPair = { crt, key };
  }
  return config;
}

function hostAndPort(address: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(address);
  if (!m) return { host: address, port: 7233 };
  return { host: m[1]!, port: Number(m[2]) };
}

/** OpenSSL's and Node's words for a handshake that failed on a certificate (ours refused, or theirs). */
const TLS_FAILURE =
  /certificate|cert_|ssl|tls|handshake|alert|self[- ]signed|unable to (get|verify)|hostname|altnames|wrong version number|ERR_TLS/i;

/** The outcome of {@link checkTemporalTls}: `unreachable` is a network failure (not a TLS one), left to the SDK. */
export type TlsCheck = { ok: true } | { ok: false; unreachable: true; reason: string };

/**
 * A TLS handshake with the frontend as the SDK will make it (same CA, client certificate, server
 * name, ALPN h2), then the server's first HTTP/2 frame: a server that wants another client
 * certificate says so with an alert right after the handshake (TLS 1.3). Rejects with
 * TEMPORAL_TLS_REFUSED, within `timeoutMs`, when either side refuses the other's certificate; the
 * SDK itself would only report that it could not connect before its deadline.
 */
export function checkTemporalTls(address: string, config: TLSConfig, timeoutMs = 3_000): Promise<TlsCheck> {
  const { host, port } = hostAndPort(address);
  const servername = config.serverNameOverride ?? (isIP(host) ? undefined : host);
  return new Promise<TlsCheck>((resolve, reject) => {
    let settled = false;
    const done = (outcome: TlsCheck | TemporalTlsError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof TemporalTlsError) reject(outcome);
      else resolve(outcome);
    };
    const refused = (detail: string) =>
      new TemporalTlsError(
        'TEMPORAL_TLS_REFUSED',
        `de TLS-verbinding met Temporal (${address}) is geweigerd: ${detail}`,
        `the TLS connection to Temporal (${address}) was refused: ${detail}`,
      );
    let handshaken = false;
    const socket = tls.connect({
      host,
      port,
      servername,
      ca: config.serverRootCACertificate ? [Buffer.from(config.serverRootCACertificate)] : undefined,
      cert: config.clientCertPair ? Buffer.from(config.clientCertPair.crt) : undefined,
      key: config.clientCertPair ? Buffer.from(config.clientCertPair.key) : undefined,
      ALPNProtocols: ['h2'],
      // Node checks the name against servername when given, else against the host (an IP's SAN).
      checkServerIdentity: (_host, cert) => tls.checkServerIdentity(servername ?? host, cert),
    });
    const timer = setTimeout(
      () =>
        done(
          handshaken
            ? refused(`no HTTP/2 answer within ${timeoutMs} ms after the handshake`)
            : { ok: false, unreachable: true, reason: `no TLS handshake within ${timeoutMs} ms` },
        ),
      timeoutMs,
    );
    timer.unref();
    socket.once('secureConnect', () => {
      handshaken = true;
      // The HTTP/2 client preface and an empty SETTINGS frame: the server answers with its own.
      socket.write(
        Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0])]),
      );
    });
    socket.once('data', () => done({ ok: true }));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const text = `${err.code ?? ''} ${err.message}`;
      if (handshaken || TLS_FAILURE.test(text)) done(refused(err.message));
      else done({ ok: false, unreachable: true, reason: err.message });
    });
    socket.once('close', () =>
      done(
        handshaken
          ? refused('the server closed the connection right after the handshake (it does not accept this client)')
          : { ok: false, unreachable: true, reason: 'connection closed before the TLS handshake' },
      ),
    );
  });
}
