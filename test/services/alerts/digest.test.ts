import { buildDigest, deadlinesInWindow, type DigestEntry } from '../../../services/alerts/digest';
import { buildDigestEmail, digestText } from '../../../services/alerts/digest-email';
import type { Deadline } from '../../../workflows/case-state';

const from = new Date('2026-03-02T06:00:00.000Z');
const to = new Date('2026-03-09T06:00:00.000Z');
const entry = (
  caseId: string,
  processId: string,
  at: string,
  over: Partial<DigestEntry['deadline']> = {},
): DigestEntry => ({
  caseId,
  processId,
  step: 'coa-betaalde-periode',
  deadline: { id: 'coa-betaalde-periode:vijf-maanden', kind: 'reminder', label: '5 maanden in hotel', at, ...over },
});

describe('deadline digest body', () => {
  it('groups by process with counts, items by time, and copies reference fields only', () => {
    const careless = {
      ...entry('GM0363-b', 'nareiziger-hotelverblijf', '2026-03-04T10:00:00.000Z'),
      data: { name: 'Jan Jansen' },
      caseRef: 'REF-1',
    } as DigestEntry;
    const body = buildDigest({
      id: 'deadline-digest-GM0363-manual-1',
      tenant: 'GM0363',
      generatedAt: from,
      from,
      to,
      daysAhead: 7,
      entries: [
        careless,
        entry('GM0363-a', 'nareiziger-hotelverblijf', '2026-03-03T10:00:00.000Z'),
        entry('GM0363-a', 'nareiziger-hotelverblijf', '2026-03-05T10:00:00.000Z', {
          id: 'x:timeout',
          kind: 'timeout',
          label: 'Einde',
        }),
        entry('GM0363-c', 'har-overdracht', '2026-03-08T10:00:00.000Z', { kind: null, label: null, id: 'next' }),
      ],
    });
    expect(body.totals).toEqual({ processes: 2, cases: 3, deadlines: 4 });
    expect(body.processes.map((p) => [p.processId, p.cases, p.deadlines])).toEqual([
      ['har-overdracht', 1, 1],
      ['nareiziger-hotelverblijf', 2, 3],
    ]);
    expect(body.processes[1]?.items.map((i) => i.caseId)).toEqual(['GM0363-a', 'GM0363-b', 'GM0363-a']);
    expect(body.window).toEqual({
      from: from.toISOString(),
      to: to.toISOString(),
      daysAhead: 7,
      timezone: 'Europe/Amsterdam',
    });
    expect(JSON.stringify(body)).not.toMatch(/Jan|REF-1|data|caseRef/);
  });

  it('takes pending deadlines inside [from, to) only', () => {
    const d = (id: string, at: string, status: Deadline['status'] = 'pending'): Deadline => ({
      id,
      kind: 'reminder',
      nodeId: 'n',
      label: id,
      at,
      status,
    });
    const picked = deadlinesInWindow(
      [
        d('before', '2026-03-02T05:59:59.000Z'),
        d('start', from.toISOString()),
        d('inside', '2026-03-05T00:00:00.000Z'),
        d('done', '2026-03-05T00:00:00.000Z', 'done'),
        d('end', to.toISOString()),
        d('after', '2026-04-01T00:00:00.000Z'),
      ],
      from,
      to,
    );
    expect(picked.map((x) => x.id)).toEqual(['start', 'inside']);
  });
});

describe('deadline digest e-mail', () => {
  const labels = {
    process: (id: string) => (id === 'nareiziger-hotelverblijf' ? 'Hotelverblijf nareiziger' : undefined),
    step: (id: string, step: string) =>
      id === 'nareiziger-hotelverblijf' && step === 'coa-betaalde-periode' ? 'Door COA betaalde periode' : undefined,
  };
  const body = buildDigest({
    id: 'deadline-digest-GM0363-manual-1',
    tenant: 'GM0363',
    generatedAt: from,
    from,
    to,
    daysAhead: 7,
    entries: [entry('GM0363-a', 'nareiziger-hotelverblijf', '2026-03-03T10:00:00.000Z')],
    labels,
  });

  it('builds a MIME message with the digest as Dutch-first text in Dutch local time', () => {
    const mail = buildDigestEmail(body, {
      from: 'doorstroom@gemeente.example.nl',
      to: 'termijnen@gemeente.example.nl',
    });
    const [head, encoded] = mail.message.split('\r\n\r\n');
    expect(head).toContain('From: doorstroom@gemeente.example.nl');
    expect(head).toContain('To: termijnen@gemeente.example.nl');
    expect(head).toMatch(/Subject: =\?UTF-8\?B\?/);
    expect(head).toContain('Content-Transfer-Encoding: base64');
    expect(head).toContain('X-Doorstroom-Digest-Id: deadline-digest-GM0363-manual-1');
    expect(mail.message.split('\r\n').every((l) => l.length <= 998)).toBe(true);
    const text = Buffer.from((encoded ?? '').replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(text).toBe(digestText(body));
    expect(text).toContain('Termijnoverzicht van GM0363: 1 termijn bij 1 zaak');
    expect(text).toContain('Hotelverblijf nareiziger: 1 zaak, 1 termijn');
    // Dates in words; 10:00 UTC is 11:00 in Amsterdam in March (CET); steps and kinds by their Dutch names.
    expect(text).toContain(
      '3 maart 2026 om 11:00, zaak GM0363-a, stap "Door COA betaalde periode": 5 maanden in hotel (herinnering)',
    );
    expect(text).toContain('van 2 maart 2026 om 07:00 tot 9 maart 2026 om 07:00');
    expect(body.processes[0]).toMatchObject({
      processLabel: 'Hotelverblijf nareiziger',
      items: [{ stepLabel: 'Door COA betaalde periode' }],
    });
  });

  it('reads as a person would write it: no raw process or step ids where a label exists, no English kinds, no ISO dates', () => {
    const text = digestText(body);
    expect(text).not.toMatch(
      /nareiziger-hotelverblijf|coa-betaalde-periode|\(reminder\)|\(timeout\)|zaak\/zaken|termijn\(en\)|\d{4}-\d{2}-\d{2}T|1970/,
    );
  });

  it('says so when there is nothing in the window', () => {
    const empty = buildDigest({ id: 'd', tenant: 'GM0363', generatedAt: from, from, to, daysAhead: 7, entries: [] });
    expect(digestText(empty)).toContain('Geen termijnen in deze periode');
  });
});
