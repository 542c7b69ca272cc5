import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { ZgwApi } from '../../services/zgw/zgw-client';

/**
 * The VNG's own OpenAPI documents of the ZGW APIs (test/fixtures/zgw, see SOURCE.md) served by
 * Prism as a validating mock: a request that breaks the standard gets an error answer and an
 * `sl-violations` header, and every answer is built from the document's schemas.
 */
export const ZGW_DOCUMENTS: Record<ZgwApi, string> = {
  zaken: 'zaken-1.5.1.openapi.yaml',
  catalogi: 'catalogi-1.3.1.openapi.yaml',
  besluiten: 'besluiten-1.0.2.openapi.yaml',
  documenten: 'documenten-1.5.0.openapi.yaml',
};

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'zgw');
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ZgwMock {
  bases: Record<ZgwApi, string>;
  stop(): Promise<void>;
}

async function startOne(file: string, port: number, children: ChildProcess[]): Promise<void> {
  const bin = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'prism');
  const child = spawn(bin, ['mock', file, '-p', String(port), '-h', '127.0.0.1', '--errors'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`prism did not start within 120 s:\n${log.slice(-2000)}`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited (${code}):\n${log.slice(-2000)}`));
    });
  });
}

export async function startZgwMock(): Promise<ZgwMock> {
  const children: ChildProcess[] = [];
  const apis = Object.keys(ZGW_DOCUMENTS) as ZgwApi[];
  const ports = await Promise.all(apis.map(() => freePort()));
  const stop = async () => {
    for (const c of children) {
      if (c.exitCode === null && c.pid) {
        try {
          process.kill(-c.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    }
  };
  try {
    await Promise.all(apis.map((api, i) => startOne(path.join(FIXTURES, ZGW_DOCUMENTS[api]), ports[i]!, children)));
  } catch (err) {
    await stop();
    throw err;
  }
  const bases = Object.fromEntries(apis.map((api, i) => [api, `http://127.0.0.1:${ports[i]}`])) as Record<
    ZgwApi,
    string
  >;
  return { bases, stop };
}
