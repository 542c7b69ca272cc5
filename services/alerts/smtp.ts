import net from 'node:net';
import tls from 'node:tls';

/** The SMTP server of DOORSTROOM_SMTP_URL: smtp://[user:pass@]host[:25] or smtps://…[:465]. */
export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  /** Envelope and header sender: DOORSTROOM_SMTP_FROM, default doorstroom@<host>. */
  from: string;
  timeoutMs: number;
}

export class SmtpError extends Error {
  constructor(message: string) {
    super(`SMTP: ${message}`);
    this.name = 'SmtpError';
  }
}

/** Undefined when no SMTP server is configured: e-mail digests are then not offered. */
export function smtpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpConfig | undefined {
  const raw = env.DOORSTROOM_SMTP_URL;
  if (!raw) return undefined;
  const url = new URL(raw);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new SmtpError('DOORSTROOM_SMTP_URL must start with smtp:// or smtps://');
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 25,
    secure,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    from: env.DOORSTROOM_SMTP_FROM ?? `doorstroom@${url.hostname}`,
    timeoutMs: 15_000,
  };
}

/**
 * A minimal SMTP client (RFC 5321): EHLO, optional AUTH PLAIN, one recipient, DATA, QUIT.
 * Enough for a digest to a municipal mailbox; no STARTTLS upgrade (use smtps:// or a local relay).
 */
export async function sendMail(
  cfg: SmtpConfig,
  envelope: { from: string; to: string },
  message: string,
): Promise<void> {
  const socket: net.Socket = cfg.secure
    ? tls.connect({ host: cfg.host, port: cfg.port, servername: cfg.host })
    : net.connect({ host: cfg.host, port: cfg.port });
  socket.setTimeout(cfg.timeoutMs, () => socket.destroy(new SmtpError(`no answer within ${cfg.timeoutMs} ms`)));
  socket.setEncoding('utf8');
  let buffer = '';
  const waiters: Array<(line: string) => void> = [];
  const replies: string[] = [];
  let failure: Error | undefined;
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      // Multi-line replies ("250-…") end with "250 …": only the last line completes the reply.
      if (/^\d{3}-/.test(line)) continue;
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else replies.push(line);
    }
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', (err) => {
    failure = err;
    for (const w of waiters.splice(0)) w(`000 ${err.message}`);
  });
  const reply = (): Promise<string> => {
    if (failure) return Promise.resolve(`000 ${failure.message}`);
    const ready = replies.shift();
    return ready !== undefined ? Promise.resolve(ready) : new Promise((resolve) => waiters.push(resolve));
  };
  const expect = async (codes: string[], what: string) => {
    const line = await reply();
    if (!codes.includes(line.slice(0, 3))) throw new SmtpError(`${what}: ${line}`);
  };
  const command = async (text: string, codes: string[], what = text.split(' ')[0] ?? text) => {
    socket.write(`${text}\r\n`);
    await expect(codes, what);
  };
  try {
    await expect(['220'], 'greeting');
    await command(`EHLO doorstroom`, ['250']);
    if (cfg.user !== undefined) {
      const token = Buffer.from(`\0${cfg.user}\0${cfg.password ?? ''}`, 'utf8').toString('base64');
      await command(`AUTH PLAIN ${token}`, ['235'], 'AUTH');
    }
    await command(`MAIL FROM:<${envelope.from}>`, ['250'], 'MAIL FROM');
    await command(`RCPT TO:<${envelope.to}>`, ['250', '251'], 'RCPT TO');
    await command('DATA', ['354']);
    // Dot-stuffing: a line starting with "." gets another, so no line can end the data early.
    const data = message.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    await command(`${data}${data.endsWith('\r\n') ? '' : '\r\n'}.`, ['250'], 'message');
    await command('QUIT', ['221']).catch(() => undefined);
  } finally {
    socket.end();
    socket.destroy();
    await closed;
  }
}
