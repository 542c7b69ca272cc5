import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** File paths of one certificate authority and what it signed, as an operator's PKI would hand them out. */
export interface TestPki {
  dir: string;
  caFile: string;
  /** The Temporal frontend's certificate: DNS temporal-frontend and localhost, IP 127.0.0.1. */
  serverCertFile: string;
  serverKeyFile: string;
  /** A client certificate (extended key usage clientAuth) for Doorstroom's processes. */
  clientCertFile: string;
  clientKeyFile: string;
  remove(): void;
}

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
}

/**
 * A CA and a server and a client certificate signed by it (P-256 keys, valid two days), made with
 * the openssl command line in a temporary directory. Two calls give two unrelated CAs.
 */
export function createTestPki(name = 'Doorstroom test'): TestPki {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'doorstroom-pki-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${name} CA`], dir);
  const sign = (who: string, subject: string, ext: string) => {
    writeFileSync(path.join(dir, `${who}.ext`), ext);
    openssl(['req', ...ec, '-keyout', `${who}.key`, '-out', `${who}.csr`, '-subj', subject], dir);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${who}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${who}.pem`,
        '-days',
        '2',
        '-extfile',
        `${who}.ext`,
      ],
      dir,
    );
  };
  sign(
    'server',
    '/CN=temporal-frontend',
    'subjectAltName=DNS:temporal-frontend,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n',
  );
  sign('client', '/CN=doorstroom', 'extendedKeyUsage=clientAuth\n');
  return {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    serverCertFile: path.join(dir, 'server.pem'),
    serverKeyFile: path.join(dir, 'server.key'),
    clientCertFile: path.join(dir, 'client.pem'),
    clientKeyFile: path.join(dir, 'client.key'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
