import net from 'node:net';
import { putAlertConfig } from '../../../services/alerts/alert-config';
import { listDigestLog } from '../../../services/alerts/digest-log';
import { createDigestSender } from '../../../services/alerts/send-digest';
import { sendMail, smtpConfigFromEnv, type SmtpConfig } from '../../../services/alerts/smtp';
import type { AuthContext } from '../../../server/auth/context';
import { freePort } from '../../../platform/temporal/free-port';
import { verifyWebhookSignature } from '../../../services/webhooks/signature';
import { createReceiver } from '../webhooks/support/receiver';
import { addTenant, createStoreTestApp, type StoreTestApp } from '../../support/store-app';
import { fakeScheduler } from './test-app';

/** Receivers here listen on 127.0.0.1 over http: the egress guard's development allowance. */
const LOOPBACK = { DOORSTROOM_EGRESS_ALLOW_LOOPBACK: 'true' };

const A = 'GM0363';
const adminOf = (tenant: string): AuthContext => ({
  tenant,
  actor: { kind: 'user', id: `admin-${tenant}`, name: 'admin' },
  roles: ['admin'],
  permissions: [],
});
const SMTP: SmtpConfig = {
  host: '127.0.0.1',
  port: 2525,
  secure: false,
  from: 'doorstroom@gemeente.example.nl',
  timeoutMs: 2_000,
};

describe('one digest attempt (collect, build, deliver, log) without Temporal', () => {
  let t: StoreTestApp;
  beforeEach(async () => {
    t = await createStoreTestApp('sqlite');
    await addTenant(t, A);
  });
  afterEach(async () => t.dispose());
  const configure = (
    delivery: { channel: 'webhook'; url: string } | { channel: 'email'; to: string },
    enabled = true,
  ) =>
    putAlertConfig(
      { store: t.deps.store, clock: t.clock, scheduler: fakeScheduler(() => t), emailAvailable: true, env: LOOPBACK },
      adminOf(A),
      { enabled, daysAhead: 7, schedule: { hour: 7, minute: 0 }, delivery },
    );
  const collect = async (_tenant: string, from: Date) => ({
    entries: [
      {
        caseId: `${A}-x`,
        processId: 'har-overdracht',
        step: 'har-loopt',
        deadline: {
          id: 'har-loopt:einde',
          kind: 'timeout' as const,
          label: 'Einde HAR',
          at: new Date(from.getTime() + 86_400_000).toISOString(),
        },
      },
    ],
    truncated: false,
  });

  it('signs with the configured secret and asks for the window the configuration names', async () => {
    const receiver = createReceiver(await freePort());
    await receiver.listen();
    try {
      const { secret } = await configure({ channel: 'webhook', url: receiver.url });
      const windows: Array<[Date, Date]> = [];
      const sender = createDigestSender({
        db: t.deps.store.db,
        secrets: t.deps.store.secrets,
        clock: () => new Date(),
        env: LOOPBACK,
        collect: async (tn, f, to) => {
          windows.push([f, to]);
          return collect(tn, f);
        },
      });
      const result = await sender.send({
        digestId: `deadline-digest-${A}-1`,
        tenant: A,
        trigger: 'schedule',
        attempt: 1,
        final: true,
      });
      expect(result).toMatchObject({ status: 'sent', caseCount: 1, deadlineCount: 1, statusCode: 204 });
      expect(windows[0]![1].getTime() - windows[0]![0].getTime()).toBe(7 * 86_400_000);
      const got = receiver.received[0]!;
      expect(
        verifyWebhookSignature({
          secret: secret as string,
          header: got.headers['doorstroom-signature'] as string,
          body: got.body,
        }).ok,
      ).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('keeps a failing digest pending until its last attempt, then failed; a switched-off schedule is skipped', async () => {
    await configure({ channel: 'webhook', url: `http://127.0.0.1:${await freePort()}/down` });
    const sender = createDigestSender({
      db: t.deps.store.db,
      secrets: t.deps.store.secrets,
      clock: () => new Date(),
      env: LOOPBACK,
      collect,
    });
    const id = `deadline-digest-${A}-2`;
    expect((await sender.send({ digestId: id, tenant: A, trigger: 'schedule', attempt: 1, final: false })).status).toBe(
      'pending',
    );
    expect((await listDigestLog(t.deps.store.db, A))[0]).toMatchObject({
      id,
      status: 'pending',
      attempts: 1,
      error: expect.stringMatching(/^DELIVERY_FAILED: /),
    });
    expect((await sender.send({ digestId: id, tenant: A, trigger: 'schedule', attempt: 2, final: true })).status).toBe(
      'failed',
    );
    expect(await listDigestLog(t.deps.store.db, A)).toEqual([
      expect.objectContaining({ id, status: 'failed', attempts: 2, statusCode: null }),
    ]);

    await configure({ channel: 'webhook', url: 'https://x.example.nl/hook' }, false);
    expect(
      (await sender.send({ digestId: `${id}-off`, tenant: A, trigger: 'schedule', attempt: 1, final: true })).status,
    ).toBe('skipped');
  });

  it('e-mails the digest when an SMTP server is configured, and fails clearly when it is not', async () => {
    await configure({ channel: 'email', to: 'termijnen@gemeente.example.nl' });
    const sent: Array<{ envelope: { from: string; to: string }; message: string }> = [];
    const withSmtp = createDigestSender({
      db: t.deps.store.db,
      secrets: t.deps.store.secrets,
      clock: () => new Date(),
      env: LOOPBACK,
      collect,
      smtp: SMTP,
      sendMail: async (_c, envelope, message) => void sent.push({ envelope, message }),
    });
    expect(
      await withSmtp.send({
        digestId: `deadline-digest-${A}-3`,
        tenant: A,
        trigger: 'manual',
        attempt: 1,
        final: true,
      }),
    ).toMatchObject({ status: 'sent', statusCode: null });
    expect(sent[0]?.envelope).toEqual({ from: 'doorstroom@gemeente.example.nl', to: 'termijnen@gemeente.example.nl' });
    expect(sent[0]?.message).toContain('X-Doorstroom-Digest-Id: deadline-digest-GM0363-3');

    const without = createDigestSender({
      db: t.deps.store.db,
      secrets: t.deps.store.secrets,
      clock: () => new Date(),
      env: LOOPBACK,
      collect,
    });
    expect(
      await without.send({ digestId: `deadline-digest-${A}-4`, tenant: A, trigger: 'manual', attempt: 1, final: true }),
    ).toMatchObject({ status: 'failed', error: 'e-mail is not available without DOORSTROOM_SMTP_URL' });
  });
});

describe('SMTP configuration and the minimal client', () => {
  it('reads DOORSTROOM_SMTP_URL, and nothing without it', () => {
    expect(smtpConfigFromEnv({})).toBeUndefined();
    expect(
      smtpConfigFromEnv({
        DOORSTROOM_SMTP_URL: 'smtps://u%40x:geheim@mail.example.nl',
        DOORSTROOM_SMTP_FROM: 'noreply@example.nl',
      }),
    ).toMatchObject({
      host: 'mail.example.nl',
      port: 465,
      secure: true,
      user: 'u@x',
      password: 'geheim',
      from: 'noreply@example.nl',
    });
    expect(smtpConfigFromEnv({ DOORSTROOM_SMTP_URL: 'smtp://relay:2525' })).toMatchObject({
      port: 2525,
      secure: false,
      from: 'doorstroom@relay',
    });
    expect(() => smtpConfigFromEnv({ DOORSTROOM_SMTP_URL: 'http://relay' })).toThrow(/smtp:\/\//);
  });

  it('speaks EHLO, AUTH PLAIN, MAIL, RCPT, DATA (dot-stuffed) and QUIT to a server on loopback', async () => {
    const lines: string[] = [];
    const server = net.createServer((socket) => {
      let buffer = '';
      let inData = false;
      socket.write('220 test ESMTP\r\n');
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        let nl: number;
        while ((nl = buffer.indexOf('\r\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 2);
          lines.push(line);
          if (inData) {
            if (line === '.') {
              inData = false;
              socket.write('250 queued\r\n');
            }
          } else if (line.startsWith('EHLO')) socket.write('250-test\r\n250 AUTH PLAIN\r\n');
          else if (line.startsWith('AUTH')) socket.write('235 ok\r\n');
          else if (line === 'DATA') {
            inData = true;
            socket.write('354 go\r\n');
          } else if (line === 'QUIT') socket.end('221 bye\r\n');
          else socket.write('250 ok\r\n');
        }
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    try {
      await sendMail(
        { ...SMTP, port, user: 'u', password: 'p' },
        { from: 'a@example.nl', to: 'b@example.nl' },
        'Subject: x\r\n\r\n.begint met punt\r\nregel\r\n',
      );
      expect(lines).toEqual([
        'EHLO doorstroom',
        `AUTH PLAIN ${Buffer.from('\0u\0p').toString('base64')}`,
        'MAIL FROM:<a@example.nl>',
        'RCPT TO:<b@example.nl>',
        'DATA',
        'Subject: x',
        '',
        '..begint met punt',
        'regel',
        '.',
        'QUIT',
      ]);
      await expect(
        sendMail({ ...SMTP, port: await freePort() }, { from: 'a@example.nl', to: 'b@example.nl' }, 'x'),
      ).rejects.toThrow(/SMTP: greeting/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
