import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort, waitForPort } from '../../platform/temporal/free-port';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ProductProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * `npm start`'s entry as its own OS process, exactly as an operator runs it: node with tsx as a
 * loader. Not the tsx CLI: its signal relay SIGKILLs the child 30 ms after a SIGTERM, which a
 * product under load cannot meet (docs/reliability.md), and a signal must reach the product itself.
 */
export async function spawnProduct(
  env: Record<string, string>,
  opts: {
    /** Waits until the product listens on `port` (default: at most 90 s); throws with the reason otherwise. */
    untilListening?: (port: number, child: ChildProcess, output: () => string) => Promise<void>;
  } = {},
): Promise<ProductProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'product/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await (opts.untilListening
      ? opts.untilListening(port, child, () => out)
      : waitForPort('127.0.0.1', port, 90_000, () => child.exitCode === null));
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`product did not start: ${(err as Error).message}\n${out}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exit;
    },
  };
}

export async function api(
  base: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${base}/api/v1${route}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json(), headers: res.headers };
}

/** As an integrator would: the administrator logs in and creates an API key; returns its Authorization header. */
export async function createApiKeyAsAdmin(
  base: string,
  tenant: string,
  password: string,
): Promise<Record<string, string>> {
  const login = await api(base, 'POST', '/auth/login', { tenant, username: 'admin', password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const session = {
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'x-csrf-token': login.body.csrfToken as string,
  };
  const key = await api(
    base,
    'POST',
    '/api-keys',
    { name: 'zaaksysteem', permissions: ['cases:start', 'cases:events', 'cases:read'] },
    session,
  );
  if (key.status !== 201) throw new Error(`key creation failed: ${key.status} ${JSON.stringify(key.body)}`);
  return { authorization: `Bearer ${key.body.secret as string}` };
}

/** True while something accepts connections on the port. */
export async function listening(port: number): Promise<boolean> {
  return waitForPort('127.0.0.1', port, 0).then(
    () => true,
    () => false,
  );
}
