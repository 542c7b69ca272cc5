import type { DigestBody } from './digest';

export interface DigestEmail {
  from: string;
  to: string;
  subject: string;
  /** The whole RFC 5322 message, CRLF line ends, ready for SMTP DATA (before dot-stuffing). */
  message: string;
}

const day = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const time = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
/** "1 december 2026 om 09:00": dates in words, Amsterdam time. */
const fmt = (iso: string) => `${day.format(new Date(iso))} om ${time.format(new Date(iso))}`;

const KIND_NL: Record<string, string> = { reminder: 'herinnering', timeout: 'termijn', case: 'norm' };
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** RFC 2047 for a header that may hold non-ASCII text. */
function encodeHeader(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** Plain-text lines of the digest, in Dutch: processes and steps by their names, dates in words; references and counts only. */
export function digestText(body: DigestBody): string {
  const lines = [
    `Termijnoverzicht van ${body.tenant}: ${plural(body.totals.deadlines, 'termijn', 'termijnen')} bij ${plural(body.totals.cases, 'zaak', 'zaken')}`,
    `in de komende ${plural(body.window.daysAhead, 'dag', 'dagen')}, van ${fmt(body.window.from)} tot ${fmt(body.window.to)} (Nederlandse tijd).`,
    '',
  ];
  if (body.processes.length === 0) lines.push('Geen termijnen in deze periode.');
  for (const p of body.processes) {
    lines.push(
      `${p.processLabel ?? p.processId}: ${plural(p.cases, 'zaak', 'zaken')}, ${plural(p.deadlines, 'termijn', 'termijnen')}`,
    );
    for (const i of p.items) {
      const kind = i.deadline.kind ? (KIND_NL[i.deadline.kind] ?? i.deadline.kind) : undefined;
      const what = i.deadline.label ? `${i.deadline.label}${kind ? ` (${kind})` : ''}` : 'volgende termijn';
      lines.push(`  - ${fmt(i.deadline.at)}, zaak ${i.caseId}, stap "${i.stepLabel ?? i.step}": ${what}`);
    }
    lines.push('');
  }
  if (body.truncated) lines.push('Let op: niet alle zaken passen in één overzicht; zie de monitor.', '');
  lines.push(`Kenmerk van dit overzicht: ${body.id}`, 'Zaakgegevens staan in Doorstroom, niet in deze e-mail.');
  return lines.join('\r\n');
}

/**
 * The e-mail of a digest. The body is quoted-printable-free plain UTF-8 in base64, so long
 * lines and non-ASCII labels survive every relay.
 */
export function buildDigestEmail(body: DigestBody, opts: { from: string; to: string; date?: Date }): DigestEmail {
  const subject = `Doorstroom: termijnen in de komende ${plural(body.window.daysAhead, 'dag', 'dagen')} — ${body.tenant}`;
  const text = Buffer.from(digestText(body), 'utf8')
    .toString('base64')
    .replace(/.{1,76}/g, '$&\r\n')
    .trimEnd();
  const headers = [
    `From: ${opts.from}`,
    `To: ${opts.to}`,
    `Subject: ${encodeHeader(subject)}`,
    `Date: ${(opts.date ?? new Date(body.generatedAt)).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${body.id}@doorstroom>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    `X-Doorstroom-Digest-Id: ${body.id}`,
  ];
  return { from: opts.from, to: opts.to, subject, message: `${headers.join('\r\n')}\r\n\r\n${text}\r\n` };
}
